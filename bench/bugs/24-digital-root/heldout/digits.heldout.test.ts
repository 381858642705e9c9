import { describe, expect, it } from 'vitest';
import { digitSum, digitalRoot } from '../src/digits.js';

describe('digits (held out)', () => {
  it('single digits', () => {
    expect(digitSum(9)).toBe(9);
  });
  it('zeros inside the number', () => {
    expect(digitSum(10203)).toBe(6);
  });
  it('rejects fractions', () => {
    expect(() => digitSum(1.5)).toThrow(RangeError);
  });
  it('root of a multiple of nine', () => {
    expect(digitalRoot(999999999)).toBe(9);
  });
});
