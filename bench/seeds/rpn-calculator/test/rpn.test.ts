import { describe, expect, it } from 'vitest';
import { evaluateRpn } from '../src/rpn.js';

describe('evaluateRpn', () => {
  it('adds', () => {
    expect(evaluateRpn('3 4 +')).toBe(7);
  });
  it('respects operand order for subtraction and division', () => {
    expect(evaluateRpn('10 4 -')).toBe(6);
    expect(evaluateRpn('12 4 /')).toBe(3);
  });
  it('chains operations', () => {
    expect(evaluateRpn('3 4 + 2 *')).toBe(14);
  });
  it('reads a single number', () => {
    expect(evaluateRpn(' 42 ')).toBe(42);
  });
  it('rejects a missing operand', () => {
    expect(() => evaluateRpn('1 +')).toThrow(SyntaxError);
  });
  it('rejects leftover values', () => {
    expect(() => evaluateRpn('1 2')).toThrow(SyntaxError);
  });
  it('rejects unknown tokens', () => {
    expect(() => evaluateRpn('1 x +')).toThrow(SyntaxError);
  });
});
