function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}'-]/u.test(ch);
}

/**
 * Counts words: maximal runs of letters, digits, apostrophes and hyphens.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = true;
  for (const ch of text) {
    if (isWordChar(ch)) {
      if (!inWord) {
        count++;
        inWord = true;
      }
    } else {
      inWord = false;
    }
  }
  return count;
}
