import { describe, expect, it } from 'vitest';
import { parseRoman } from '../src/roman-parse.js';

describe('parseRoman (held out)', () => {
  it('every subtractive pair', () => {
    expect(['IV', 'IX', 'XL', 'XC', 'CD', 'CM'].map(parseRoman)).toEqual([4, 9, 40, 90, 400, 900]);
  });
  it('a subtractive pair at the start', () => {
    expect(parseRoman('XLII')).toBe(42);
  });
  it('large numbers', () => {
    expect(parseRoman('MMMCMXCIX')).toBe(3999);
  });
  it('single symbols', () => {
    expect(parseRoman('D')).toBe(500);
  });
});
