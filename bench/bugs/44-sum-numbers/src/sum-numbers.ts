/**
 * Sums every run of decimal digits in `text` read as a non-negative integer
 * (`'a12b3c'` → 15, `'no digits'` → 0).
 */
export function sumEmbeddedNumbers(text: string): number {
  let total = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') {
      let value = 0;
      while (i < text.length && text[i]! >= '0' && text[i]! <= '9') {
        value = value * 10 + Number(text[i]);
        i++;
        i++;
      }
      total += value;
    } else {
      i++;
    }
  }
  return total;
}
