import { describe, expect, it } from 'vitest';
import { gcd, lcmOf } from '../src/lcm.js';

describe('lcm', () => {
  it('gcd of two numbers', () => {
    expect(gcd(12, 18)).toBe(6);
  });
  it('lcm of coprime numbers is their product', () => {
    expect(lcmOf([3, 4])).toBe(12);
  });
  it('lcm of numbers sharing a factor', () => {
    expect(lcmOf([4, 6])).toBe(12);
  });
  it('lcm of an empty list is 1', () => {
    expect(lcmOf([])).toBe(1);
  });
  it('rejects zero', () => {
    expect(() => lcmOf([2, 0])).toThrow(RangeError);
  });
});
