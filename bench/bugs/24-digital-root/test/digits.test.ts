import { describe, expect, it } from 'vitest';
import { digitSum, digitalRoot } from '../src/digits.js';

describe('digits', () => {
  it('sums the digits of a number', () => {
    expect(digitSum(1234)).toBe(10);
  });
  it('the digit sum of 0 is 0', () => {
    expect(digitSum(0)).toBe(0);
  });
  it('rejects negative numbers', () => {
    expect(() => digitSum(-5)).toThrow(RangeError);
  });
  it('a single digit is its own root', () => {
    expect(digitalRoot(7)).toBe(7);
  });
  it('repeats until one digit remains', () => {
    expect(digitalRoot(987654)).toBe(3);
  });
});
