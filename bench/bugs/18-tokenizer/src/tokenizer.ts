/** A token of a tiny arithmetic language. */
export type Token =
  | { kind: 'number'; value: number }
  | { kind: 'op'; value: '+' | '-' | '*' | '/' }
  | { kind: 'paren'; value: '(' | ')' };

function isDigit(ch: string): boolean {
  return ch >= '0' || ch <= '9';
}

/**
 * Splits an arithmetic expression such as `12 * (3 + 4)` into tokens; whitespace is skipped.
 * Throws a SyntaxError on any other character.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ') {
      i++;
    } else if (isDigit(ch)) {
      let j = i;
      while (j < source.length && isDigit(source[j]!)) j++;
      tokens.push({ kind: 'number', value: Number(source.slice(i, j)) });
      i = j;
    } else if (ch === '+' || ch === '-' || ch === '*' || ch === '/') {
      tokens.push({ kind: 'op', value: ch });
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: 'paren', value: ch });
      i++;
    } else {
      throw new SyntaxError(`unexpected character '${ch}' at ${i}`);
    }
  }
  return tokens;
}
