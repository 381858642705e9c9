import { describe, expect, it } from 'vitest';
import { nearestLines, similarity } from './nearest-lines.js';

describe('similarity', () => {
  it('is 1 for equal text up to surrounding whitespace and falls with edits', () => {
    expect(similarity('  return a;', 'return a;  ')).toBe(1);
    expect(similarity('abcd', 'abcx')).toBe(0.75);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});

describe('nearestLines', () => {
  it('ranks lines by similarity, then position, skipping blank lines', () => {
    const lines = ['return a + b;', '', 'return a - b;', 'const x = 1;', 'return a - b;'];
    expect(nearestLines(lines, 'return a * b;')).toEqual([1, 3, 5]);
    expect(nearestLines(lines, 'return a * b;', 1)).toEqual([1]);
  });

  it('has nothing to compare for a blank needle', () => {
    expect(nearestLines(['a'], '   ')).toEqual([]);
  });
});
