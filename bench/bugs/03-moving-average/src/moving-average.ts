/**
 * Simple moving average: the mean of every full window of `window` consecutive values.
 * A series shorter than the window has no averages.
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  if (window <= 0) {
    throw new RangeError('window must be positive');
  }
  const averages: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= window) {
      sum -= values[i - window]!;
    }
    if (i > window - 1) {
      averages.push(sum / window);
    }
  }
  return averages;
}
