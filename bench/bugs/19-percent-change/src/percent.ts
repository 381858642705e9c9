/**
 * Percentage change from `before` to `after`, rounded to one decimal place
 * (100 → 125 is +25, 200 → 150 is -25). Throws when `before` is zero.
 */
export function percentChange(before: number, after: number): number {
  if (before === 0) {
    throw new RangeError('percent change from zero is undefined');
  }
  const ratio = (before - after) / Math.abs(before);
  return Math.round(ratio * 1000) / 10;
}

/** Formats a change with an explicit sign: `+25.0%`, `-3.5%`, `0.0%`. */
export function formatChange(before: number, after: number): string {
  const change = percentChange(before, after);
  const sign = change > 0 ? '+' : '';
  return `${sign}${change.toFixed(1)}%`;
}
