/**
 * Greedy word wrap: splits `text` into lines of at most `width` characters, breaking only at
 * spaces. A word longer than `width` gets a line of its own.
 */
export function wrap(text: string, width: number): string[] {
  if (width < 1) {
    throw new RangeError('width must be at least 1');
  }
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') {
      current = word;
    } else if (current.length + 1 + word.length <= width) {
      current += ' ' + word;
    } else {
      lines.push(current);
      current = word;
    }
  }
  return lines;
}
