/** A closed interval [start, end]. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Merges overlapping or touching intervals ([1, 3] and [3, 5] become [1, 5]).
 * The result is sorted by start; the input is not modified.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const current = merged[merged.length - 1];
    if (current !== undefined && next.start < current.end) {
      current.end = Math.max(current.end, next.end);
    } else {
      merged.push({ ...next });
    }
  }
  return merged;
}
