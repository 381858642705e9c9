/**
 * The median of a non-empty list of numbers: the middle value after sorting, or the mean of
 * the two middle values for an even count. The input is not modified.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const sorted = [...values].sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted[mid]!;
}
