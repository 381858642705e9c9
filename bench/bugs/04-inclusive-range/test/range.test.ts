import { describe, expect, it } from 'vitest';
import { inclusiveRange } from '../src/range.js';

describe('inclusiveRange', () => {
  it('includes both ends', () => {
    expect(inclusiveRange(1, 4)).toEqual([1, 2, 3, 4]);
  });
  it('is empty when start is after end', () => {
    expect(inclusiveRange(5, 2)).toEqual([]);
  });
  it('stops before overshooting the end', () => {
    expect(inclusiveRange(0, 7, 3)).toEqual([0, 3, 6]);
  });
  it('rejects a zero step', () => {
    expect(() => inclusiveRange(0, 1, 0)).toThrow(RangeError);
  });
});
