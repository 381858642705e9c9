import { describe, expect, it } from 'vitest';
import { transpose } from '../src/transpose.js';

describe('transpose', () => {
  it('transposes a square matrix', () => {
    expect(transpose([[1, 2], [3, 4]])).toEqual([[1, 3], [2, 4]]);
  });
  it('transposes an empty matrix', () => {
    expect(transpose([])).toEqual([]);
  });
  it('turns a row into a column', () => {
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
  });
  it('transposes a 2x3 matrix', () => {
    expect(transpose([['a', 'b', 'c'], ['d', 'e', 'f']])).toEqual([['a', 'd'], ['b', 'e'], ['c', 'f']]);
  });
  it('rejects ragged rows', () => {
    expect(() => transpose([[1, 2], [3]])).toThrow(RangeError);
  });
});
