import { describe, expect, it } from 'vitest';
import { binarySearch } from '../src/search.js';

describe('binarySearch (held out)', () => {
  it('finds every element of a longer array', () => {
    const xs = [-10, -4, 0, 3, 8, 15, 21, 30, 44];
    xs.forEach((x, i) => expect(binarySearch(xs, x)).toBe(i));
  });
  it('finds the first element', () => {
    expect(binarySearch([1, 2], 1)).toBe(0);
  });
  it('misses values below and above the range', () => {
    expect(binarySearch([1, 2, 3], 0)).toBe(-1);
    expect(binarySearch([1, 2, 3], 4)).toBe(-1);
  });
});
