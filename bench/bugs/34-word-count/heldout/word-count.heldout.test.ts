import { describe, expect, it } from 'vitest';
import { countWords } from '../src/word-count.js';

describe('countWords (held out)', () => {
  it('a single word', () => {
    expect(countWords('hello')).toBe(1);
  });
  it('hyphenated words and numbers', () => {
    expect(countWords('state-of-the-art 2024 design')).toBe(3);
  });
  it('non-ASCII letters', () => {
    expect(countWords('café über naïve')).toBe(3);
  });
  it('the empty string', () => {
    expect(countWords('')).toBe(0);
  });
});
