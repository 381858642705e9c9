import { describe, expect, it } from 'vitest';
import { book, overlaps } from '../src/booking.js';

describe('booking (held out)', () => {
  it('adjacent slots do not overlap', () => {
    expect(overlaps({ from: 0, to: 60 }, { from: 60, to: 120 })).toBe(false);
    expect(overlaps({ from: 60, to: 120 }, { from: 0, to: 60 })).toBe(false);
  });
  it('a contained slot overlaps', () => {
    expect(overlaps({ from: 0, to: 100 }, { from: 10, to: 20 })).toBe(true);
  });
  it('books back-to-back slots', () => {
    const cal = [{ from: 0, to: 60 }];
    expect(book(cal, { from: 60, to: 90 })).toBe(true);
    expect(book(cal, { from: 120, to: 150 })).toBe(true);
    expect(cal).toHaveLength(3);
  });
});
