import { describe, expect, it } from 'vitest';
import { formatChange, percentChange } from '../src/percent.js';

describe('percentChange', () => {
  it('an increase is positive', () => {
    expect(percentChange(100, 125)).toBe(25);
  });
  it('a decrease is negative', () => {
    expect(percentChange(200, 150)).toBe(-25);
  });
  it('no change is zero', () => {
    expect(percentChange(80, 80)).toBe(0);
  });
  it('rejects a zero base', () => {
    expect(() => percentChange(0, 5)).toThrow(RangeError);
  });
  it('formats with a sign', () => {
    expect(formatChange(40, 50)).toBe('+25.0%');
  });
});
