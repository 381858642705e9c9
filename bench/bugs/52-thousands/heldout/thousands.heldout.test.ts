import { describe, expect, it } from 'vitest';
import { formatThousands } from '../src/thousands.js';

describe('formatThousands (held out)', () => {
  it('negative numbers', () => {
    expect(formatThousands(-9876)).toBe('-9,876');
    expect(formatThousands(-100200300)).toBe('-100,200,300');
  });
  it('small negatives', () => {
    expect(formatThousands(-5)).toBe('-5');
  });
  it('zero', () => {
    expect(formatThousands(0)).toBe('0');
  });
  it('exactly one thousand', () => {
    expect(formatThousands(1000)).toBe('1,000');
  });
});
