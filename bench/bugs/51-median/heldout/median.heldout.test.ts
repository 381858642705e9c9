import { describe, expect, it } from 'vitest';
import { median } from '../src/median.js';

describe('median (held out)', () => {
  it('negative numbers', () => {
    expect(median([-5, -1, -10])).toBe(-5);
  });
  it('an even count with multi-digit values', () => {
    expect(median([10, 2, 30, 4])).toBe(7);
  });
  it('does not modify the input', () => {
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
  it('two values', () => {
    expect(median([1, 2])).toBe(1.5);
  });
});
