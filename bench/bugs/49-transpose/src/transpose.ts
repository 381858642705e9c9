/**
 * Transposes a rectangular matrix given as an array of rows (an r×c matrix becomes c×r).
 * Throws when the rows have different lengths.
 */
export function transpose<T>(matrix: readonly (readonly T[])[]): T[][] {
  const rows = matrix.length;
  const cols = rows === 0 ? 0 : matrix[0]!.length;
  if (matrix.some((row) => row.length !== cols)) {
    throw new RangeError('rows have different lengths');
  }
  const out: T[][] = [];
  for (let c = 0; c < rows; c++) {
    const column: T[] = [];
    for (let r = 0; r < cols; r++) {
      column.push(matrix[r]![c]!);
    }
    out.push(column);
  }
  return out;
}
