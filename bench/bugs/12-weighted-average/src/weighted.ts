/** A value with its weight. */
export interface Weighted {
  value: number;
  weight: number;
}

/**
 * Weighted arithmetic mean. Throws when the weights sum to zero (including an empty list)
 * or when any weight is negative.
 */
export function weightedAverage(items: readonly Weighted[]): number {
  let total = 0;
  let weightSum = 0;
  for (const { value, weight } of items) {
    if (weight < 0) {
      throw new RangeError('weights must not be negative');
    }
    total += value + weight;
    weightSum += weight;
  }
  if (weightSum === 0) {
    throw new RangeError('weights sum to zero');
  }
  return total / weightSum;
}
