import { describe, expect, it } from 'vitest';
import { book, overlaps } from '../src/booking.js';

describe('booking', () => {
  it('overlapping slots overlap', () => {
    expect(overlaps({ from: 60, to: 120 }, { from: 90, to: 150 })).toBe(true);
  });
  it('disjoint slots do not overlap', () => {
    expect(overlaps({ from: 60, to: 120 }, { from: 200, to: 260 })).toBe(false);
  });
  it('books into an empty calendar', () => {
    const cal: { from: number; to: number }[] = [];
    expect(book(cal, { from: 0, to: 30 })).toBe(true);
    expect(cal).toHaveLength(1);
  });
  it('rejects an empty slot', () => {
    expect(book([], { from: 50, to: 50 })).toBe(false);
  });
  it('rejects a clash', () => {
    expect(book([{ from: 0, to: 60 }], { from: 30, to: 90 })).toBe(false);
  });
});
