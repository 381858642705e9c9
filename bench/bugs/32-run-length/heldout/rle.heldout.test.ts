import { describe, expect, it } from 'vitest';
import { decodeRuns, encodeRuns } from '../src/rle.js';

describe('run-length encoding (held out)', () => {
  it('round-trips', () => {
    for (const s of ['abc', 'aaaaaaaaaaaab', 'xyyzzz', '  ..']) {
      expect(decodeRuns(encodeRuns(s))).toBe(s);
    }
  });
  it('long runs use several digits', () => {
    expect(encodeRuns('q'.repeat(12))).toBe('12q');
  });
  it('no runs at all', () => {
    expect(encodeRuns('abcd')).toBe('1a1b1c1d');
  });
});
