import { describe, expect, it } from 'vitest';
import { evaluateRpn } from '../src/rpn.js';

describe('evaluateRpn (held out)', () => {
  it('negative and fractional numbers', () => {
    expect(evaluateRpn('-2.5 2 *')).toBe(-5);
  });
  it('a longer expression', () => {
    expect(evaluateRpn('5 1 2 + 4 * + 3 -')).toBe(14);
  });
  it('an empty expression', () => {
    expect(() => evaluateRpn('')).toThrow(SyntaxError);
  });
});
