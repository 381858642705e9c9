/**
 * Counts the (possibly overlapping) occurrences of `pattern` in `text`.
 * An empty pattern occurs nowhere.
 */
export function countOccurrences(text: string, pattern: string): number {
  if (pattern.length === 0) {
    return 0;
  }
  let count = 0;
  for (let i = 0; i < text.length - pattern.length; i++) {
    if (text.startsWith(pattern, i)) {
      count++;
    }
  }
  return count;
}
