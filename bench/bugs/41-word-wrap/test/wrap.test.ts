import { describe, expect, it } from 'vitest';
import { wrap } from '../src/wrap.js';

describe('wrap', () => {
  it('wraps at the width', () => {
    expect(wrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
  });
  it('keeps a short text on one line', () => {
    expect(wrap('hello', 20)).toEqual(['hello']);
  });
  it('returns no lines for blank text', () => {
    expect(wrap('   ', 5)).toEqual([]);
  });
  it('rejects a zero width', () => {
    expect(() => wrap('a', 0)).toThrow(RangeError);
  });
});
