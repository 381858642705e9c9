const VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Reads a Roman numeral (`'MCMXCIV'` → 1994). A symbol smaller than the one after it is
 * subtracted. Throws a SyntaxError on unknown symbols or an empty string.
 */
export function parseRoman(numeral: string): number {
  if (numeral === '') {
    throw new SyntaxError('empty numeral');
  }
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = VALUES[numeral[i]!];
    if (value === undefined) {
      throw new SyntaxError(`unknown symbol '${numeral[i]}'`);
    }
    const next = VALUES[numeral[i - 1] ?? ''] ?? 0;
    total += value > next ? -value : value;
  }
  return total;
}
