import { describe, expect, it } from 'vitest';
import { isMultipleOf, label } from '../src/fizz.js';

describe('isMultipleOf', () => {
  it('detects a multiple', () => {
    expect(isMultipleOf(12, 4)).toBe(true);
  });
  it('detects a non-multiple', () => {
    expect(isMultipleOf(13, 4)).toBe(false);
  });
  it('zero is a multiple of anything', () => {
    expect(isMultipleOf(0, 7)).toBe(true);
  });
  it('rejects labels below 1', () => {
    expect(() => label(0)).toThrow(RangeError);
  });
  it('labels numbers', () => {
    expect([3, 5, 15, 7].map(label)).toEqual(['Fizz', 'Buzz', 'FizzBuzz', '7']);
  });
});
