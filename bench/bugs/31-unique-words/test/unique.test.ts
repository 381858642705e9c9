import { describe, expect, it } from 'vitest';
import { uniqueWords } from '../src/unique.js';

describe('uniqueWords', () => {
  it('removes exact duplicates', () => {
    expect(uniqueWords(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });
  it('keeps the first spelling', () => {
    expect(uniqueWords(['Apple', 'apple', 'Pear'])).toEqual(['Apple', 'Pear']);
  });
  it('drops blank entries', () => {
    expect(uniqueWords(['', '  ', 'x'])).toEqual(['x']);
  });
  it('handles an empty list', () => {
    expect(uniqueWords([])).toEqual([]);
  });
});
