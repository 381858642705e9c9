import { describe, expect, it } from 'vitest';
import { multiply } from '../src/matrix.js';

describe('multiply', () => {
  it('multiplies by the identity', () => {
    expect(multiply([[1, 2], [3, 4]], [[1, 0], [0, 1]])).toEqual([[1, 2], [3, 4]]);
  });
  it('multiplies two square matrices', () => {
    expect(multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]])).toEqual([[19, 22], [43, 50]]);
  });
  it('rejects mismatched dimensions', () => {
    expect(() => multiply([[1, 2, 3]], [[1], [2]])).toThrow(RangeError);
  });
  it('a row times a column is a 1x1 matrix', () => {
    expect(multiply([[1, 2, 3]], [[4], [5], [6]])).toEqual([[32]]);
  });
});
