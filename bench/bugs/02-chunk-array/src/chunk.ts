/**
 * Splits `items` into consecutive chunks of `size` elements; the last chunk may be shorter.
 * Throws a RangeError when `size` is not a positive integer.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size <= 0) {
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  }
  const chunks: T[][] = [];
  for (let i = 0; i < items.length - 1; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}
