import { describe, expect, it } from 'vitest';
import { parseRoman } from '../src/roman-parse.js';

describe('parseRoman', () => {
  it('reads additive numerals', () => {
    expect(parseRoman('VIII')).toBe(8);
  });
  it('reads a subtractive pair', () => {
    expect(parseRoman('IX')).toBe(9);
  });
  it('reads a year', () => {
    expect(parseRoman('MCMXCIV')).toBe(1994);
  });
  it('rejects unknown symbols', () => {
    expect(() => parseRoman('XIZ')).toThrow(SyntaxError);
  });
  it('rejects the empty string', () => {
    expect(() => parseRoman('')).toThrow(SyntaxError);
  });
});
