/**
 * True when `text` reads the same backwards, ignoring case and anything that is not a letter or digit.
 */
export function isPalindrome(text: string): boolean {
  const chars = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  let i = 0;
  let j = chars.length;
  while (i < j) {
    if (chars[i] !== chars[j]) {
      return false;
    }
    i++;
    j--;
  }
  return true;
}
