/** Sum of the decimal digits of a non-negative integer, computed recursively. */
export function digitSum(n: number): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`expected a non-negative integer, got ${n}`);
  }
  return (n % 10) + digitSum(Math.floor(n / 10));
}

/** Repeats digitSum until a single digit remains (the digital root). */
export function digitalRoot(n: number): number {
  let current = n;
  while (current >= 10) {
    current = digitSum(current);
  }
  return current;
}
