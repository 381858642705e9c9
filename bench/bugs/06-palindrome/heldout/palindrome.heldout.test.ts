import { describe, expect, it } from 'vitest';
import { isPalindrome } from '../src/palindrome.js';

describe('isPalindrome (held out)', () => {
  it('a single character', () => {
    expect(isPalindrome('x')).toBe(true);
  });
  it('digits count', () => {
    expect(isPalindrome('12 3 21')).toBe(true);
    expect(isPalindrome('1231')).toBe(false);
  });
  it('even length palindrome', () => {
    expect(isPalindrome('abba')).toBe(true);
  });
  it('differs only in the middle', () => {
    expect(isPalindrome('abcxba')).toBe(false);
  });
});
