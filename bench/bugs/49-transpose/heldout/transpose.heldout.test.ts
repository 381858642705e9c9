import { describe, expect, it } from 'vitest';
import { transpose } from '../src/transpose.js';

describe('transpose (held out)', () => {
  it('a column becomes a row', () => {
    expect(transpose([[1], [2], [3], [4]])).toEqual([[1, 2, 3, 4]]);
  });
  it('transposing twice gives the original', () => {
    const m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
    expect(transpose(transpose(m))).toEqual(m);
  });
  it('a 3x2 matrix', () => {
    expect(transpose([[1, 2], [3, 4], [5, 6]])).toEqual([[1, 3, 5], [2, 4, 6]]);
  });
});
