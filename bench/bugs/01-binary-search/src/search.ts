/**
 * Binary search over an ascending array of numbers.
 * Returns the index of `target`, or -1 when it is absent.
 */
export function binarySearch(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const value = sorted[mid]!;
    if (value === target) {
      return mid;
    }
    if (value < target) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return -1;
}
