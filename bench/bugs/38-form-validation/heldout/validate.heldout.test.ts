import { describe, expect, it } from 'vitest';
import { digitsOnly, isValid, maxLength, required } from '../src/validate.js';

describe('validation (held out)', () => {
  it('no rules means valid', () => {
    expect(isValid('anything', [])).toBe(true);
  });
  it('only the last rule fails', () => {
    expect(isValid('12345', [required, digitsOnly, maxLength(4)])).toBe(false);
  });
  it('blank but digits-only is not valid when required', () => {
    expect(isValid('', [digitsOnly, required])).toBe(false);
  });
});
