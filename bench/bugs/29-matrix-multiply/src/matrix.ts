/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/**
 * Multiplies an n×m matrix by an m×p matrix. Throws when the inner dimensions differ.
 */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b.length;
  const p = m === 0 ? 0 : b[0]!.length;
  if (a.some((row) => row.length !== m)) {
    throw new RangeError('inner dimensions differ');
  }
  const out: Matrix = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let k = 0; k < m; k++) {
        sum += a[i]![k]! * b[k]![i]!;
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}
