import { describe, expect, it } from 'vitest';
import { absDiff, manhattan } from '../src/distance.js';

describe('distance (held out)', () => {
  it('negative numbers', () => {
    expect(absDiff(-7, -2)).toBe(5);
    expect(absDiff(-2, 6)).toBe(8);
  });
  it('fractions', () => {
    expect(absDiff(0.5, 2)).toBe(1.5);
  });
  it('a point to itself', () => {
    expect(manhattan([5, 5], [5, 5])).toBe(0);
  });
});
