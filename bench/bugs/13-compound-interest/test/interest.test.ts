import { describe, expect, it } from 'vitest';
import { compoundBalance } from '../src/interest.js';

describe('compoundBalance', () => {
  it('yearly compounding', () => {
    expect(compoundBalance(1000, 0.05, 2)).toBe(1102.5);
  });
  it('zero years leaves the principal', () => {
    expect(compoundBalance(1234.56, 0.07, 0)).toBe(1234.56);
  });
  it('zero rate leaves the principal', () => {
    expect(compoundBalance(500, 0, 10, 12)).toBe(500);
  });
  it('quarterly compounding', () => {
    expect(compoundBalance(1000, 0.04, 1, 4)).toBe(1040.6);
  });
  it('rejects zero periods', () => {
    expect(() => compoundBalance(1, 0.1, 1, 0)).toThrow(RangeError);
  });
});
