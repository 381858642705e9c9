import { describe, expect, it } from 'vitest';
import { decodeRuns, encodeRuns } from '../src/rle.js';

describe('run-length encoding', () => {
  it('encodes runs', () => {
    expect(encodeRuns('aaabcc')).toBe('3a1b2c');
  });
  it('encodes the empty string', () => {
    expect(encodeRuns('')).toBe('');
  });
  it('decodes runs', () => {
    expect(decodeRuns('2x3y')).toBe('xxyyy');
  });
  it('rejects digits', () => {
    expect(() => encodeRuns('a1')).toThrow();
  });
  it('encodes a single character', () => {
    expect(encodeRuns('z')).toBe('1z');
  });
});
