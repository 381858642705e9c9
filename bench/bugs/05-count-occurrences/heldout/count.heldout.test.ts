import { describe, expect, it } from 'vitest';
import { countOccurrences } from '../src/count.js';

describe('countOccurrences (held out)', () => {
  it('the whole text equals the pattern', () => {
    expect(countOccurrences('abc', 'abc')).toBe(1);
  });
  it('single characters', () => {
    expect(countOccurrences('banana', 'a')).toBe(3);
  });
  it('no match', () => {
    expect(countOccurrences('banana', 'x')).toBe(0);
  });
});
