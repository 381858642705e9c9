import { describe, expect, it } from 'vitest';
import { clamp } from '../src/clamp.js';

describe('clamp (held out)', () => {
  it('negative intervals', () => {
    expect(clamp(0, -5, -1)).toBe(-1);
    expect(clamp(-9, -5, -1)).toBe(-5);
  });
  it('values on the bounds', () => {
    expect(clamp(0, 0, 1)).toBe(0);
    expect(clamp(1, 0, 1)).toBe(1);
  });
  it('fractional values', () => {
    expect(clamp(0.5, 0, 1)).toBe(0.5);
  });
});
