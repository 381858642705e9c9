import { describe, expect, it } from 'vitest';
import { caesar, uncaesar } from '../src/caesar.js';

describe('caesar', () => {
  it('shifts lower-case letters', () => {
    expect(caesar('abc', 1)).toBe('bcd');
  });
  it('wraps around the end of the alphabet', () => {
    expect(caesar('xyz', 3)).toBe('abc');
  });
  it('keeps case', () => {
    expect(caesar('Hello', 2)).toBe('Jgnnq');
  });
  it('leaves other characters alone', () => {
    expect(caesar('a-b c!', 1)).toBe('b-c d!');
  });
  it('shifts backwards', () => {
    expect(caesar('bcd', -1)).toBe('abc');
  });
  it('round-trips', () => {
    expect(uncaesar(caesar('Zebra Crossing', 11), 11)).toBe('Zebra Crossing');
  });
});
