import { describe, expect, it } from 'vitest';
import { chunk } from '../src/chunk.js';

describe('chunk (held out)', () => {
  it('chunks a singleton', () => {
    expect(chunk([7], 1)).toEqual([[7]]);
  });
  it('chunks by one', () => {
    expect(chunk([1, 2, 3], 1)).toEqual([[1], [2], [3]]);
  });
  it('keeps a single trailing element for size 3', () => {
    expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });
  it('rejects fractional sizes', () => {
    expect(() => chunk([1, 2], 1.5)).toThrow(RangeError);
  });
});
