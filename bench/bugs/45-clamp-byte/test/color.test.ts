import { describe, expect, it } from 'vitest';
import { fromHex, toByte, toHex } from '../src/color.js';

describe('toByte', () => {
  it('keeps in-range values', () => {
    expect(toByte(128)).toBe(128);
  });
  it('clamps negatives to 0', () => {
    expect(toByte(-20)).toBe(0);
  });
  it('clamps large values to 255', () => {
    expect(toByte(300)).toBe(255);
  });
  it('rounds fractions', () => {
    expect(toByte(12.6)).toBe(13);
  });
  it('parses a colour', () => {
    expect(fromHex('#FF8000')).toEqual([255, 128, 0]);
    expect(() => fromHex('red')).toThrow(SyntaxError);
  });
  it('formats a colour', () => {
    expect(toHex(255, 128, 0)).toBe('#ff8000');
  });
});
