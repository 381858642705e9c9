import { describe, expect, it } from 'vitest';
import { toByte, toHex } from '../src/color.js';

describe('toByte (held out)', () => {
  it('the bounds themselves', () => {
    expect([0, 255].map(toByte)).toEqual([0, 255]);
  });
  it('rounds near the bounds', () => {
    expect(toByte(254.6)).toBe(255);
    expect(toByte(255.4)).toBe(255);
    expect(toByte(-0.4)).toBe(0);
  });
  it('formats clamped colours', () => {
    expect(toHex(-5, 999, 15.2)).toBe('#00ff0f');
  });
});
