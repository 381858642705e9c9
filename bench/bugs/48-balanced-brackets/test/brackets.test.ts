import { describe, expect, it } from 'vitest';
import { isBalanced } from '../src/brackets.js';

describe('isBalanced', () => {
  it('accepts text without brackets', () => {
    expect(isBalanced('plain text')).toBe(true);
  });
  it('accepts nested brackets', () => {
    expect(isBalanced('f(a[1], {b: 2})')).toBe(true);
  });
  it('rejects a wrong closer', () => {
    expect(isBalanced('(]')).toBe(false);
  });
  it('rejects an unclosed opener', () => {
    expect(isBalanced('((x)')).toBe(false);
  });
  it('rejects a stray closer', () => {
    expect(isBalanced('x)')).toBe(false);
  });
});
