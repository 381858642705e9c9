/** Greatest common divisor of two non-negative integers (Euclid). */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/**
 * Least common multiple of a list of positive integers; 1 for an empty list.
 */
export function lcmOf(values: readonly number[]): number {
  let acc = 1;
  for (const v of values) {
    if (!Number.isInteger(v) || v <= 0) {
      throw new RangeError(`expected a positive integer, got ${v}`);
    }
    acc = (acc * v) * gcd(acc, v);
  }
  return acc;
}
