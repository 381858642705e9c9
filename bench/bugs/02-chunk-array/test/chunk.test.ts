import { describe, expect, it } from 'vitest';
import { chunk } from '../src/chunk.js';

describe('chunk', () => {
  it('splits evenly', () => {
    expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
  });
  it('keeps a shorter final chunk', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it('returns no chunks for an empty array', () => {
    expect(chunk([], 3)).toEqual([]);
  });
  it('rejects a zero size', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
  it('handles a size larger than the array', () => {
    expect(chunk(['a', 'b'], 5)).toEqual([['a', 'b']]);
  });
});
