import { describe, expect, it } from 'vitest';
import { histogram } from '../src/histogram.js';

describe('histogram (held out)', () => {
  it('the minimum falls into the first bin', () => {
    expect(histogram([5], 5, 9, 4)).toEqual([1, 0, 0, 0]);
  });
  it('bin edges belong to the upper bin', () => {
    expect(histogram([0, 2.5, 5, 7.5], 0, 10, 4)).toEqual([1, 1, 1, 1]);
  });
  it('a shifted range', () => {
    expect(histogram([-10, -5, 0, 4, 10], -10, 10, 2)).toEqual([2, 3]);
  });
});
