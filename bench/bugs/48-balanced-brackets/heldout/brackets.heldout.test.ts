import { describe, expect, it } from 'vitest';
import { isBalanced } from '../src/brackets.js';

describe('isBalanced (held out)', () => {
  it('the empty string', () => {
    expect(isBalanced('')).toBe(true);
  });
  it('interleaved pairs', () => {
    expect(isBalanced('([)]')).toBe(false);
  });
  it('sequences and nesting', () => {
    expect(isBalanced('()[]{}([{}])')).toBe(true);
  });
  it('an opener left at the end', () => {
    expect(isBalanced('{}[')).toBe(false);
  });
  it('closer first', () => {
    expect(isBalanced('}{')).toBe(false);
  });
});
