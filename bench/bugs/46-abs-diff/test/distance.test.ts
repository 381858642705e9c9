import { describe, expect, it } from 'vitest';
import { absDiff, manhattan, midpoint } from '../src/distance.js';

describe('distance', () => {
  it('larger minus smaller', () => {
    expect(absDiff(9, 4)).toBe(5);
  });
  it('smaller minus larger is still positive', () => {
    expect(absDiff(4, 9)).toBe(5);
  });
  it('equal numbers', () => {
    expect(absDiff(3, 3)).toBe(0);
  });
  it('midpoint', () => {
    expect(midpoint([0, 2], [4, -2])).toEqual([2, 0]);
  });
  it('manhattan distance', () => {
    expect(manhattan([1, 1], [4, -3])).toBe(7);
  });
});
