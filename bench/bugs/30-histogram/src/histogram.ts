/**
 * Counts `values` into `bins` equal-width bins spanning [min, max]; the maximum itself falls
 * into the last bin, values outside the range are ignored.
 */
export function histogram(values: readonly number[], min: number, max: number, bins: number): number[] {
  if (bins < 1 || max <= min) {
    throw new RangeError('need at least one bin and min < max');
  }
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (const v of values) {
    if (v < min || v > max) {
      continue;
    }
    const index = Math.min(bins - 1, Math.floor((v - max) / width));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}
