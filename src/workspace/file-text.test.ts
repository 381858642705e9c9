import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, type FileEncoding } from './file-text.js';

const roundTrip = (bytes: Buffer): Buffer => {
  const decoded = decodeText(bytes);
  const encoded = encodeText('f.ts', decoded.text, decoded.encoding);
  if (!encoded.ok) throw new Error(encoded.reason);
  return encoded.bytes;
};

const encode = (text: string, encoding: FileEncoding): Buffer => {
  const encoded = encodeText('src/x.ts', text, encoding);
  if (!encoded.ok) throw new Error(encoded.reason);
  return encoded.bytes;
};

describe('decodeText / encodeText', () => {
  it('reads UTF-8 as UTF-8 and gives back the same bytes', () => {
    const bytes = Buffer.from('// café → ok\nexport const a = 1;\n', 'utf8');
    expect(decodeText(bytes)).toEqual({ text: '// café → ok\nexport const a = 1;\n', encoding: 'utf8' });
    expect(roundTrip(bytes).equals(bytes)).toBe(true);
  });

  it('reads bytes that are not UTF-8 as latin-1, one char per byte, and gives back the same bytes', () => {
    const bytes = Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0x80, 0x00, 0x0a]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('latin1');
    expect(decoded.text).toBe('// caf\u00e9\n\u00ff\u0080\u0000\n');
    expect(roundTrip(bytes).equals(bytes)).toBe(true);
  });

  it('keeps a UTF-8 byte-order mark aside and puts it back', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('const a = 1;\r\n', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: 'const a = 1;\r\n', encoding: 'utf8-bom' });
    expect(roundTrip(bytes).equals(bytes)).toBe(true);
    expect(encode('const a = 2;\r\n', 'utf8-bom').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('keeps CRLF line endings and a truncated multi-byte sequence byte for byte', () => {
    const crlf = Buffer.from('a\r\nb\r\n', 'utf8');
    expect(roundTrip(crlf).equals(crlf)).toBe(true);
    const cut = Buffer.concat([Buffer.from('ok ', 'utf8'), Buffer.from([0xe2, 0x86])]);
    expect(decodeText(cut).encoding).toBe('latin1');
    expect(roundTrip(cut).equals(cut)).toBe(true);
  });

  it('writes latin-1 characters of an edited latin-1 file as single bytes', () => {
    expect([...encode('\u00e9\u00e8', 'latin1')]).toEqual([0xe9, 0xe8]);
  });

  it('refuses a character a latin-1 file cannot hold, naming the file, the line and the character', () => {
    expect(encodeText('src/x.ts', 'caf\u00e9\nconst arrow = "→";\n', 'latin1')).toEqual({
      ok: false,
      reason: "refusing to edit src/x.ts: it is not UTF-8 (kept byte for byte as latin-1), and line 2 of the new text has '→' (U+2192), which it cannot hold",
    });
    expect(encodeText('src/x.ts', 'emoji 😀', 'latin1')).toMatchObject({ ok: false, reason: expect.stringContaining("'😀' (U+1F600)") });
  });

  it('refuses an unpaired surrogate in a UTF-8 file, which would not read back as written', () => {
    expect(encodeText('src/x.ts', 'ok\nconst s = "\ud800";\n', 'utf8')).toEqual({
      ok: false,
      reason: 'refusing to edit src/x.ts: line 2 of the new text has an unpaired surrogate (\\ud800), which UTF-8 cannot hold',
    });
    expect(encodeText('src/x.ts', '😀', 'utf8-bom')).toMatchObject({ ok: true });
  });

  it('an empty file is UTF-8', () => {
    expect(decodeText(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf8' });
  });
});
