import { describe, expect, it } from 'vitest';
import { countOccurrences } from '../src/count.js';

describe('countOccurrences', () => {
  it('counts separate occurrences in the middle', () => {
    expect(countOccurrences('xabxabx', 'ab')).toBe(2);
  });
  it('counts overlapping occurrences', () => {
    expect(countOccurrences('aaaa', 'aa')).toBe(3);
  });
  it('counts an occurrence at the very end', () => {
    expect(countOccurrences('the cat', 'cat')).toBe(1);
  });
  it('returns 0 for an empty pattern', () => {
    expect(countOccurrences('abc', '')).toBe(0);
  });
  it('returns 0 when the pattern is longer than the text', () => {
    expect(countOccurrences('ab', 'abc')).toBe(0);
  });
});
