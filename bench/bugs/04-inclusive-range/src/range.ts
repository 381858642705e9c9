/**
 * Inclusive numeric range: every value from `start` up to and including `end`, stepping by `step`.
 * An empty array when start > end.
 */
export function inclusiveRange(start: number, end: number, step = 1): number[] {
  if (step <= 0) {
    throw new RangeError('step must be positive');
  }
  const out: number[] = [];
  for (let x = start; x < end; x += step) {
    out.push(x);
  }
  return out;
}
