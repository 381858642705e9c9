import { describe, expect, it } from 'vitest';
import { isIdentifier } from '../src/identifier.js';

describe('isIdentifier (held out)', () => {
  it('single characters', () => {
    expect(['a', 'Z', '_', '$'].map(isIdentifier)).toEqual([true, true, true, true]);
    expect(isIdentifier('9')).toBe(false);
  });
  it('digits after the first character', () => {
    expect(isIdentifier('x1_y2$')).toBe(true);
  });
  it('rejects spaces', () => {
    expect(isIdentifier('a b')).toBe(false);
    expect(isIdentifier(' a')).toBe(false);
  });
});
