import { describe, expect, it } from 'vitest';
import { sumEmbeddedNumbers } from '../src/sum-numbers.js';

describe('sumEmbeddedNumbers', () => {
  it('sums numbers between letters', () => {
    expect(sumEmbeddedNumbers('a12b3c')).toBe(15);
  });
  it('returns 0 without digits', () => {
    expect(sumEmbeddedNumbers('no digits')).toBe(0);
  });
  it('reads single digits', () => {
    expect(sumEmbeddedNumbers('x1y2z3')).toBe(6);
  });
  it('reads a number at the end', () => {
    expect(sumEmbeddedNumbers('total: 250')).toBe(250);
  });
});
