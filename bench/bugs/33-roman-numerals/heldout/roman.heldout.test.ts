import { describe, expect, it } from 'vitest';
import { toRoman } from '../src/roman.js';

describe('toRoman (held out)', () => {
  it('numbers ending in 4', () => {
    expect(toRoman(14)).toBe('XIV');
    expect(toRoman(444)).toBe('CDXLIV');
  });
  it('a range of small numbers', () => {
    expect([1, 2, 3, 5, 6, 7, 9, 10].map(toRoman)).toEqual(['I', 'II', 'III', 'V', 'VI', 'VII', 'IX', 'X']);
  });
  it('rejects fractions and large numbers', () => {
    expect(() => toRoman(2.5)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow(RangeError);
  });
});
