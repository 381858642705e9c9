import { describe, expect, it } from 'vitest';
import { collatzSteps, longestChainBelow } from '../src/collatz.js';

describe('collatz (held out)', () => {
  it('twenty-seven takes 111 steps', () => {
    expect(collatzSteps(27)).toBe(111);
  });
  it('three takes seven steps', () => {
    expect(collatzSteps(3)).toBe(7);
  });
  it('limit one', () => {
    expect(longestChainBelow(1)).toBe(1);
  });
  it('rejects fractions', () => {
    expect(() => collatzSteps(2.5)).toThrow(RangeError);
  });
});
