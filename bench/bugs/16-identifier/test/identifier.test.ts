import { describe, expect, it } from 'vitest';
import { isIdentifier } from '../src/identifier.js';

describe('isIdentifier', () => {
  it('accepts a plain name', () => {
    expect(isIdentifier('count')).toBe(true);
  });
  it('accepts a leading underscore', () => {
    expect(isIdentifier('_private')).toBe(true);
  });
  it('accepts a leading dollar', () => {
    expect(isIdentifier('$el')).toBe(true);
  });
  it('rejects a leading digit', () => {
    expect(isIdentifier('1st')).toBe(false);
  });
  it('rejects the empty string', () => {
    expect(isIdentifier('')).toBe(false);
  });
  it('rejects a dash inside', () => {
    expect(isIdentifier('my-var')).toBe(false);
  });
});
