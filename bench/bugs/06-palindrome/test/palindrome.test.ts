import { describe, expect, it } from 'vitest';
import { isPalindrome } from '../src/palindrome.js';

describe('isPalindrome', () => {
  it('accepts a simple palindrome', () => {
    expect(isPalindrome('level')).toBe(true);
  });
  it('rejects a non-palindrome', () => {
    expect(isPalindrome('lever')).toBe(false);
  });
  it('accepts the empty string', () => {
    expect(isPalindrome('')).toBe(true);
  });
  it('ignores case and punctuation', () => {
    expect(isPalindrome('Step on no pets!')).toBe(true);
  });
  it('rejects two different letters', () => {
    expect(isPalindrome('ab')).toBe(false);
  });
});
