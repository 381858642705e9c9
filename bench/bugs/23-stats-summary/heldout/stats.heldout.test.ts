import { describe, expect, it } from 'vitest';
import { summarize } from '../src/stats.js';

describe('summarize (held out)', () => {
  it('the empty summary has no NaN or infinities', () => {
    const s = summarize([]);
    expect(Object.values(s).every(Number.isFinite)).toBe(true);
  });
  it('negative and fractional values', () => {
    expect(summarize([-1.5, 0.5, 4])).toEqual({ count: 3, mean: 1, min: -1.5, max: 4 });
  });
  it('repeated values', () => {
    expect(summarize([3, 3])).toEqual({ count: 2, mean: 3, min: 3, max: 3 });
  });
});
