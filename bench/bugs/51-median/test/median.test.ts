import { describe, expect, it } from 'vitest';
import { median } from '../src/median.js';

describe('median', () => {
  it('the middle of an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
  it('a single value', () => {
    expect(median([42])).toBe(42);
  });
  it('rejects an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
  it('sorts numerically, not as strings', () => {
    expect(median([100, 9, 20])).toBe(20);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
