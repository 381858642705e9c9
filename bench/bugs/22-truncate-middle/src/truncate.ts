/**
 * Shortens `text` to at most `max` characters by replacing its middle with `…`,
 * keeping more of the start than the end when the split is uneven
 * (`truncateMiddle('abcdefghij', 6)` is `'abc…ij'`).
 */
export function truncateMiddle(text: string, max: number): string {
  if (max < 1) {
    throw new RangeError('max must be at least 1');
  }
  if (text.length <= max) {
    return text;
  }
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  const tail = Math.floor(keep / 2);
  return text.slice(0, tail) + '…' + text.slice(text.length - head);
}
