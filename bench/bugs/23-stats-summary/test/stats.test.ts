import { describe, expect, it } from 'vitest';
import { summarize } from '../src/stats.js';

describe('summarize', () => {
  it('summarises a sample', () => {
    expect(summarize([4, 1, 7])).toEqual({ count: 3, mean: 4, min: 1, max: 7 });
  });
  it('summarises a single value', () => {
    expect(summarize([-2])).toEqual({ count: 1, mean: -2, min: -2, max: -2 });
  });
  it('an empty sample is all zeros', () => {
    expect(summarize([])).toEqual({ count: 0, mean: 0, min: 0, max: 0 });
  });
});
