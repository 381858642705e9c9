import { describe, expect, it } from 'vitest';
import { deepEqual } from '../src/deep-equal.js';

describe('deepEqual', () => {
  it('compares primitives', () => {
    expect(deepEqual(1, 1)).toBe(true);
    expect(deepEqual('a', 'b')).toBe(false);
  });
  it('compares flat objects', () => {
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });
  it('compares equal arrays', () => {
    expect(deepEqual([1, 2, 3], [1, 2, 3])).toBe(true);
  });
  it('arrays of different length differ', () => {
    expect(deepEqual([1], [1, 2])).toBe(false);
  });
  it('objects with different values differ', () => {
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
  });
});
