import { describe, expect, it } from 'vitest';
import { countWords } from '../src/word-count.js';

describe('countWords', () => {
  it('counts words separated by spaces', () => {
    expect(countWords('the quick brown fox')).toBe(4);
  });
  it('counts nothing in blank text', () => {
    expect(countWords('  \n\t ')).toBe(0);
  });
  it('ignores leading punctuation', () => {
    expect(countWords('... well, yes')).toBe(2);
  });
  it('keeps contractions together', () => {
    expect(countWords(" don't stop")).toBe(2);
  });
});
