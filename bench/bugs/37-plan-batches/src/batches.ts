/** A half-open index range [start, end) of one batch. */
export interface Batch {
  start: number;
  end: number;
}

/**
 * Splits `total` items into batches of at most `batchSize`; the last batch takes the remainder.
 */
export function planBatches(total: number, batchSize: number): Batch[] {
  if (batchSize < 1) {
    throw new RangeError('batchSize must be at least 1');
  }
  const count = Math.floor(total / batchSize);
  const batches: Batch[] = [];
  for (let b = 0; b < count; b++) {
    const start = b * batchSize;
    batches.push({ start, end: Math.min(total, start + batchSize) });
  }
  return batches;
}
