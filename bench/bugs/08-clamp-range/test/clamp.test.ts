import { describe, expect, it } from 'vitest';
import { clamp } from '../src/clamp.js';

describe('clamp', () => {
  it('keeps a value inside the interval', () => {
    expect(clamp(5, 0, 10)).toBe(5);
  });
  it('raises a value below the interval', () => {
    expect(clamp(-3, 0, 10)).toBe(0);
  });
  it('lowers a value above the interval', () => {
    expect(clamp(11, 0, 10)).toBe(10);
  });
  it('rejects an empty interval', () => {
    expect(() => clamp(1, 5, 2)).toThrow(RangeError);
  });
  it('accepts a single-point interval', () => {
    expect(clamp(9, 4, 4)).toBe(4);
  });
});
