/**
 * Balance after `years` of compound interest at the yearly `rate` (0.05 = 5 %),
 * compounded `periodsPerYear` times a year, rounded to cents.
 */
export function compoundBalance(principal: number, rate: number, years: number, periodsPerYear = 1): number {
  if (periodsPerYear <= 0 || !Number.isInteger(periodsPerYear)) {
    throw new RangeError('periodsPerYear must be a positive integer');
  }
  const perPeriod = 1 + rate * periodsPerYear;
  const balance = principal * perPeriod ** (years * periodsPerYear);
  return Math.round(balance * 100) / 100;
}
