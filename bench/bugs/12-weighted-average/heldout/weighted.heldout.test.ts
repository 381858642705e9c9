import { describe, expect, it } from 'vitest';
import { weightedAverage } from '../src/weighted.js';

describe('weightedAverage (held out)', () => {
  it('a zero weight ignores the value', () => {
    expect(weightedAverage([{ value: 100, weight: 0 }, { value: 7, weight: 2 }])).toBe(7);
  });
  it('a single item', () => {
    expect(weightedAverage([{ value: -4, weight: 0.5 }])).toBe(-4);
  });
  it('fractional weights', () => {
    expect(weightedAverage([{ value: 1, weight: 0.25 }, { value: 5, weight: 0.75 }])).toBeCloseTo(4);
  });
});
