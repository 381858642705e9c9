import { describe, expect, it } from 'vitest';
import { histogram } from '../src/histogram.js';

describe('histogram', () => {
  it('counts values into bins', () => {
    expect(histogram([1, 2, 6, 7, 8], 0, 10, 2)).toEqual([2, 3]);
  });
  it('puts the maximum into the last bin', () => {
    expect(histogram([10], 0, 10, 5)).toEqual([0, 0, 0, 0, 1]);
  });
  it('ignores values outside the range', () => {
    expect(histogram([-1, 11], 0, 10, 2)).toEqual([0, 0]);
  });
  it('rejects zero bins', () => {
    expect(() => histogram([], 0, 1, 0)).toThrow(RangeError);
  });
});
