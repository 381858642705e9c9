const ALPHABET_SIZE = 26;

function shiftChar(ch: string, shift: number): string {
  const code = ch.charCodeAt(0);
  const base = code >= 65 && code <= 90 ? 65 : code >= 97 && code <= 122 ? 97 : -1;
  if (base === -1) {
    return ch;
  }
  const offset = (((code - base + shift) % ALPHABET_SIZE) + ALPHABET_SIZE) % ALPHABET_SIZE;
  return String.fromCharCode(base + offset);
}

/**
 * Shifts every ASCII letter of `text` by `shift` places, wrapping around the alphabet and
 * keeping case; other characters pass through. Negative shifts go backwards.
 */
export function caesar(text: string, shift: number): string {
  let out = '';
  for (const ch of text) {
    out += shiftChar(ch, shift);
  }
  return out;
}

/** Undoes caesar(text, shift). */
export function uncaesar(text: string, shift: number): string {
  return caesar(text, -shift);
}
