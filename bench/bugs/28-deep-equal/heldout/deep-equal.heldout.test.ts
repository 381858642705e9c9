import { describe, expect, it } from 'vitest';
import { deepEqual } from '../src/deep-equal.js';

describe('deepEqual (held out)', () => {
  it('nested arrays inside objects', () => {
    expect(deepEqual({ xs: [1, [2, { y: 3 }]] }, { xs: [1, [2, { y: 3 }]] })).toBe(true);
  });
  it('arrays with one differing element', () => {
    expect(deepEqual([1, 2, 3], [1, 2, 4])).toBe(false);
  });
  it('empty arrays', () => {
    expect(deepEqual([], [])).toBe(true);
  });
  it('an array is not an object with index keys', () => {
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
  it('NaN equals NaN', () => {
    expect(deepEqual([NaN], [NaN])).toBe(true);
  });
});
