import { describe, expect, it } from 'vitest';
import { compoundBalance } from '../src/interest.js';

describe('compoundBalance (held out)', () => {
  it('monthly compounding over five years', () => {
    expect(compoundBalance(2000, 0.06, 5, 12)).toBe(2697.7);
  });
  it('half-yearly compounding', () => {
    expect(compoundBalance(100, 0.1, 1, 2)).toBe(110.25);
  });
  it('rejects fractional periods', () => {
    expect(() => compoundBalance(1, 0.1, 1, 1.5)).toThrow(RangeError);
  });
});
