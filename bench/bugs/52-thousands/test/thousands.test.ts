import { describe, expect, it } from 'vitest';
import { formatThousands } from '../src/thousands.js';

describe('formatThousands', () => {
  it('groups a large number', () => {
    expect(formatThousands(1234567)).toBe('1,234,567');
  });
  it('leaves small numbers alone', () => {
    expect(formatThousands(999)).toBe('999');
  });
  it('uses a custom separator', () => {
    expect(formatThousands(1000000, '.')).toBe('1.000.000');
  });
  it('keeps the sign of negative numbers', () => {
    expect(formatThousands(-123456)).toBe('-123,456');
  });
  it('rejects fractions', () => {
    expect(() => formatThousands(1.5)).toThrow(RangeError);
  });
});
