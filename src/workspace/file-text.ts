import type { FileEncoding } from '../core/file-change.js';

export type { FileEncoding };

/** A file's text and the encoding its bytes were in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: FileEncoding;
}

/** Bytes for a text, or why the text cannot be stored in the file's encoding. */
export type EncodeResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

const byteOrderMark = Buffer.from([0xef, 0xbb, 0xbf]);

/** Decodes bytes losslessly: `encodeText(file, decoded.text, decoded.encoding)` gives the same bytes back. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasBom = buffer.subarray(0, 3).equals(byteOrderMark);
  const body = hasBom ? buffer.subarray(3) : buffer;
  const text = body.toString('utf8');
  // Invalid UTF-8 decodes to U+FFFD, which encodes to other bytes: the round trip tells the two apart.
  if (Buffer.from(text, 'utf8').equals(body)) return { text, encoding: hasBom ? 'utf8-bom' : 'utf8' };
  return { text: buffer.toString('latin1'), encoding: 'latin1' };
}

/**
 * The bytes of `text` in `encoding`. A latin-1 file cannot hold a character above U+00FF: that text is
 * refused with a reason naming `file`, rather than silently truncated.
 */
export function encodeText(file: string, text: string, encoding: FileEncoding): EncodeResult {
  // An unpaired surrogate has no UTF-8 bytes: it would be written as U+FFFD and not read back as written.
  const lone = encoding === 'latin1' ? null : /\p{Cs}/u.exec(text);
  if (lone !== null) {
    const line = text.slice(0, lone.index).split('\n').length;
    return {
      ok: false,
      reason: `refusing to edit ${file}: line ${line} of the new text has an unpaired surrogate (\\u${lone[0].charCodeAt(0).toString(16)}), which UTF-8 cannot hold`,
    };
  }
  if (encoding === 'utf8') return { ok: true, bytes: Buffer.from(text, 'utf8') };
  if (encoding === 'utf8-bom') return { ok: true, bytes: Buffer.concat([byteOrderMark, Buffer.from(text, 'utf8')]) };
  const wide = firstWideChar(text);
  if (wide !== undefined) {
    const line = text.slice(0, wide.index).split('\n').length;
    const code = `U+${wide.char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '?'}`;
    return {
      ok: false,
      reason: `refusing to edit ${file}: it is not UTF-8 (kept byte for byte as latin-1), and line ${line} of the new text has '${wide.char}' (${code}), which it cannot hold`,
    };
  }
  return { ok: true, bytes: Buffer.from(text, 'latin1') };
}

function firstWideChar(text: string): { readonly char: string; readonly index: number } | undefined {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 0xff) return { char: String.fromCodePoint(text.codePointAt(index) ?? 0xfffd), index };
  }
  return undefined;
}
