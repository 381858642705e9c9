import { describe, expect, it } from 'vitest';
import { digitsOnly, errorsFor, isValid, maxLength, required } from '../src/validate.js';

describe('validation', () => {
  it('lists broken rules', () => {
    expect(errorsFor('abcdef', [required, maxLength(3), digitsOnly])).toEqual([
      'is longer than 3',
      'must contain only digits',
    ]);
  });
  it('a value that satisfies every rule is valid', () => {
    expect(isValid('123', [required, digitsOnly])).toBe(true);
  });
  it('a value breaking every rule is invalid', () => {
    expect(isValid('', [required])).toBe(false);
  });
  it('a value breaking one of several rules is invalid', () => {
    expect(isValid('12a', [required, digitsOnly])).toBe(false);
  });
});
