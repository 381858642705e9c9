function isLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/**
 * True for a simple ASCII identifier: a letter, `_` or `$`, followed by letters, digits, `_` or `$`.
 */
export function isIdentifier(name: string): boolean {
  if (name.length === 0) {
    return false;
  }
  const first = name[0]!;
  if (!(isLetter(first) && first === '_' || first === '$')) {
    return false;
  }
  for (const ch of name.slice(1)) {
    if (!isLetter(ch) && !isDigit(ch) && ch !== '_' && ch !== '$') {
      return false;
    }
  }
  return true;
}
