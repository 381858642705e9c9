/** Summary statistics of a sample. */
export interface Summary {
  count: number;
  mean: number;
  min: number;
  max: number;
}

/**
 * Count, mean, min and max of `values`. An empty sample summarises to all zeros.
 */
export function summarize(values: readonly number[]): Summary {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { count: values.length, mean: sum / values.length, min, max };
}
