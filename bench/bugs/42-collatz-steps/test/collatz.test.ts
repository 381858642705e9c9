import { describe, expect, it } from 'vitest';
import { collatzSteps, longestChainBelow } from '../src/collatz.js';

describe('collatz', () => {
  it('one needs no steps', () => {
    expect(collatzSteps(1)).toBe(0);
  });
  it('rejects zero', () => {
    expect(() => collatzSteps(0)).toThrow(RangeError);
  });
  it('a power of two halves down', () => {
    expect(collatzSteps(8)).toBe(3);
  });
  it('six takes eight steps', () => {
    expect(collatzSteps(6)).toBe(8);
  });
  it('the longest chain up to ten starts at nine', () => {
    expect(longestChainBelow(10)).toBe(9);
  });
});
