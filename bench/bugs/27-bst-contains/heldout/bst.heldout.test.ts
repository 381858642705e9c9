import { describe, expect, it } from 'vitest';
import { contains, fromValues } from '../src/bst.js';

describe('binary search tree (held out)', () => {
  it('finds every inserted value of a left-leaning tree', () => {
    const values = [9, 7, 5, 3, 1, 8, 4];
    const tree = fromValues(values);
    expect(values.every((v) => contains(tree, v))).toBe(true);
  });
  it('misses values smaller than everything', () => {
    expect(contains(fromValues([10, 5, 15]), 2)).toBe(false);
  });
});
