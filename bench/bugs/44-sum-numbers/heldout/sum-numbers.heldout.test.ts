import { describe, expect, it } from 'vitest';
import { sumEmbeddedNumbers } from '../src/sum-numbers.js';

describe('sumEmbeddedNumbers (held out)', () => {
  it('the empty string', () => {
    expect(sumEmbeddedNumbers('')).toBe(0);
  });
  it('leading zeros', () => {
    expect(sumEmbeddedNumbers('007 and 0010')).toBe(17);
  });
  it('only digits', () => {
    expect(sumEmbeddedNumbers('12345')).toBe(12345);
  });
});
