/**
 * Absolute difference of two numbers: the distance between them on the number line.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function absDiff(a: number, b: number): number {
  throw new Error('not implemented');
}

/** The point halfway between two grid points. */
export function midpoint(p: readonly [number, number], q: readonly [number, number]): [number, number] {
  return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
}

/** Manhattan distance between two grid points. */
export function manhattan(p: readonly [number, number], q: readonly [number, number]): number {
  return absDiff(p[0], q[0]) + absDiff(p[1], q[1]);
}
