import { describe, expect, it } from 'vitest';
import { isMultipleOf } from '../src/fizz.js';

describe('isMultipleOf (held out)', () => {
  it('negative numbers', () => {
    expect(isMultipleOf(-9, 3)).toBe(true);
    expect(isMultipleOf(-10, 3)).toBe(false);
  });
  it('everything is a multiple of 1', () => {
    expect([1, 2, 17, 100].every((n) => isMultipleOf(n, 1))).toBe(true);
  });
  it('a number is a multiple of itself but not of a larger number', () => {
    expect(isMultipleOf(6, 6)).toBe(true);
    expect(isMultipleOf(6, 12)).toBe(false);
  });
});
