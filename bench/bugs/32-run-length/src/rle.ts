/**
 * Run-length encoding: `'aaabcc'` becomes `'3a1b2c'`. The input must not contain digits.
 */
export function encodeRuns(input: string): string {
  if (/\d/.test(input)) {
    throw new Error('input must not contain digits');
  }
  if (input.length === 0) {
    return '';
  }
  let out = '';
  let runChar = input[0]!;
  let runLength = 0;
  for (const ch of input.slice(1)) {
    if (ch === runChar) {
      runLength++;
    } else {
      out += `${runLength}${runChar}`;
      runChar = ch;
      runLength = 1;
    }
  }
  return out + `${runLength}${runChar}`;
}

/** Inverse of encodeRuns. */
export function decodeRuns(encoded: string): string {
  let out = '';
  for (const [, count, ch] of encoded.matchAll(/(\d+)(\D)/g)) {
    out += ch!.repeat(Number(count));
  }
  return out;
}
