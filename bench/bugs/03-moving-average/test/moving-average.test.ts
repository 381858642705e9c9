import { describe, expect, it } from 'vitest';
import { movingAverage } from '../src/moving-average.js';

describe('movingAverage', () => {
  it('averages windows of two', () => {
    expect(movingAverage([1, 3, 5, 7], 2)).toEqual([2, 4, 6]);
  });
  it('returns nothing when the series is shorter than the window', () => {
    expect(movingAverage([1, 2], 3)).toEqual([]);
  });
  it('rejects a non-positive window', () => {
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
  });
  it('a window of one is the series itself', () => {
    expect(movingAverage([4, 8, 15], 1)).toEqual([4, 8, 15]);
  });
});
