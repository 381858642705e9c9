const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const OPENERS = new Set(Object.values(PAIRS));

/**
 * True when every bracket in `text` — (), [] and {} — is closed in the right order.
 * Other characters are ignored.
 */
export function isBalanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    if (OPENERS.has(ch)) {
      stack.push(ch);
    } else if (ch in PAIRS) {
      if (stack.pop() === PAIRS[ch]) {
        return false;
      }
    }
  }
  return true;
}
