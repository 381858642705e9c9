import { describe, expect, it } from 'vitest';
import { toRoman } from '../src/roman.js';

describe('toRoman', () => {
  it('writes simple additive numbers', () => {
    expect(toRoman(8)).toBe('VIII');
  });
  it('writes subtractive pairs', () => {
    expect(toRoman(1994)).toBe('MCMXCIV');
  });
  it('writes 4', () => {
    expect(toRoman(4)).toBe('IV');
  });
  it('rejects zero', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
  });
  it('writes 3999', () => {
    expect(toRoman(3999)).toBe('MMMCMXCIX');
  });
});
