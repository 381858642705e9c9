import { describe, expect, it } from 'vitest';
import { contains, fromValues } from '../src/bst.js';

describe('binary search tree', () => {
  const tree = fromValues([50, 30, 70, 20, 40, 60, 80]);
  it('finds the root', () => {
    expect(contains(tree, 50)).toBe(true);
  });
  it('finds a value in the right subtree', () => {
    expect(contains(tree, 60)).toBe(true);
  });
  it('finds a value in the left subtree', () => {
    expect(contains(tree, 40)).toBe(true);
  });
  it('an empty tree contains nothing', () => {
    expect(contains(null, 1)).toBe(false);
  });
  it('misses an absent value', () => {
    expect(contains(tree, 65)).toBe(false);
  });
});
