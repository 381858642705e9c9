/**
 * Removes case-insensitive duplicates from `words`, keeping the first spelling seen and the
 * original order (`['Apple', 'apple', 'Pear']` → `['Apple', 'Pear']`). Blank entries are dropped.
 */
export function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of words) {
    const trimmed = word.trim();
    if (trimmed === '') {
      continue;
    }
    const key = trimmed.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(key);
    }
  }
  return out;
}
