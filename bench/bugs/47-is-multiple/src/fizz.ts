/**
 * True when `n` is an exact multiple of `k` (every integer is a multiple of 1; 0 is a multiple
 * of everything).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function isMultipleOf(n: number, k: number): boolean {
  throw new Error('not implemented');
}

/** Labels a positive integer n with 'Fizz' (multiple of 3), 'Buzz' (of 5), both, or the number itself. */
export function label(n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`labels start at 1, got ${n}`);
  }
  const parts = (isMultipleOf(n, 3) ? 'Fizz' : '') + (isMultipleOf(n, 5) ? 'Buzz' : '');
  return parts === '' ? String(n) : parts;
}
