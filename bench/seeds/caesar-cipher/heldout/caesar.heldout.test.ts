import { describe, expect, it } from 'vitest';
import { caesar } from '../src/caesar.js';

describe('caesar (held out)', () => {
  it('large shifts', () => {
    expect(caesar('abc', 27)).toBe('bcd');
    expect(caesar('abc', -53)).toBe('zab');
  });
  it('upper-case wrap', () => {
    expect(caesar('XYZ', 2)).toBe('ZAB');
  });
  it('a zero shift', () => {
    expect(caesar('Same', 0)).toBe('Same');
  });
});
