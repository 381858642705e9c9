import { describe, expect, it } from 'vitest';
import { mergeIntervals } from '../src/intervals.js';

describe('mergeIntervals (held out)', () => {
  it('a contained interval disappears', () => {
    expect(mergeIntervals([{ start: 0, end: 10 }, { start: 2, end: 3 }])).toEqual([{ start: 0, end: 10 }]);
  });
  it('a chain of touching intervals', () => {
    expect(
      mergeIntervals([{ start: 4, end: 6 }, { start: 0, end: 2 }, { start: 2, end: 4 }, { start: 8, end: 9 }]),
    ).toEqual([{ start: 0, end: 6 }, { start: 8, end: 9 }]);
  });
  it('does not modify the input', () => {
    const input = [{ start: 1, end: 3 }, { start: 2, end: 4 }];
    mergeIntervals(input);
    expect(input).toEqual([{ start: 1, end: 3 }, { start: 2, end: 4 }]);
  });
});
