import { describe, expect, it } from 'vitest';
import { mergeIntervals } from '../src/intervals.js';

describe('mergeIntervals', () => {
  it('merges overlapping intervals', () => {
    expect(mergeIntervals([{ start: 1, end: 4 }, { start: 2, end: 6 }])).toEqual([{ start: 1, end: 6 }]);
  });
  it('keeps disjoint intervals apart', () => {
    expect(mergeIntervals([{ start: 5, end: 6 }, { start: 1, end: 2 }])).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 6 },
    ]);
  });
  it('merges touching intervals', () => {
    expect(mergeIntervals([{ start: 1, end: 3 }, { start: 3, end: 5 }])).toEqual([{ start: 1, end: 5 }]);
  });
  it('returns an empty list for no input', () => {
    expect(mergeIntervals([])).toEqual([]);
  });
});
