import { describe, expect, it } from 'vitest';
import { lcmOf } from '../src/lcm.js';

describe('lcm (held out)', () => {
  it('one to ten', () => {
    expect(lcmOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(2520);
  });
  it('repeated values', () => {
    expect(lcmOf([6, 6, 6])).toBe(6);
  });
  it('a single value', () => {
    expect(lcmOf([14])).toBe(14);
  });
});
