import { describe, expect, it } from 'vitest';
import { movingAverage } from '../src/moving-average.js';

describe('movingAverage (held out)', () => {
  it('a window equal to the length gives one mean', () => {
    expect(movingAverage([2, 4, 6], 3)).toEqual([4]);
  });
  it('windows of three', () => {
    expect(movingAverage([3, 3, 3, 9, 0], 3)).toEqual([3, 5, 4]);
  });
  it('empty series', () => {
    expect(movingAverage([], 2)).toEqual([]);
  });
});
