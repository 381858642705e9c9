import { describe, expect, it } from 'vitest';
import { binarySearch } from '../src/search.js';

describe('binarySearch', () => {
  it('finds the middle element', () => {
    expect(binarySearch([1, 3, 5, 7, 9], 5)).toBe(2);
  });
  it('returns -1 for an empty array', () => {
    expect(binarySearch([], 4)).toBe(-1);
  });
  it('returns -1 for a missing value', () => {
    expect(binarySearch([2, 4, 6, 8], 5)).toBe(-1);
  });
  it('finds the last element', () => {
    expect(binarySearch([1, 3, 5, 7, 9], 9)).toBe(4);
  });
  it('finds the only element of a singleton', () => {
    expect(binarySearch([42], 42)).toBe(0);
  });
});
