import { describe, expect, it } from 'vitest';
import { multiply } from '../src/matrix.js';

describe('multiply (held out)', () => {
  it('a column times a row is an outer product', () => {
    expect(multiply([[1], [2]], [[3, 4, 5]])).toEqual([[3, 4, 5], [6, 8, 10]]);
  });
  it('rectangular matrices', () => {
    expect(multiply([[1, 0, 2], [0, 1, 0]], [[1, 2], [3, 4], [5, 6]])).toEqual([[11, 14], [3, 4]]);
  });
  it('diagonal matrices', () => {
    expect(multiply([[2, 0], [0, 3]], [[4, 0], [0, 5]])).toEqual([[8, 0], [0, 15]]);
  });
});
