import { describe, expect, it } from 'vitest';
import { truncateMiddle } from '../src/truncate.js';

describe('truncateMiddle (held out)', () => {
  it('max of one is just the ellipsis', () => {
    expect(truncateMiddle('abc', 1)).toBe('…');
  });
  it('max of two keeps the first character', () => {
    expect(truncateMiddle('abc', 2)).toBe('a…');
  });
  it('a file path', () => {
    expect(truncateMiddle('/usr/local/lib/node_modules', 13)).toBe('/usr/l…odules');
  });
  it('exact length is unchanged', () => {
    expect(truncateMiddle('abcd', 4)).toBe('abcd');
  });
});
