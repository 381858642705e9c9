import { describe, expect, it } from 'vitest';
import { weightedAverage } from '../src/weighted.js';

describe('weightedAverage', () => {
  it('equal weights give the plain mean', () => {
    expect(weightedAverage([{ value: 2, weight: 1 }, { value: 4, weight: 1 }])).toBe(3);
  });
  it('respects weights', () => {
    expect(weightedAverage([{ value: 10, weight: 3 }, { value: 20, weight: 1 }])).toBe(12.5);
  });
  it('rejects an empty list', () => {
    expect(() => weightedAverage([])).toThrow(RangeError);
  });
  it('rejects negative weights', () => {
    expect(() => weightedAverage([{ value: 1, weight: -1 }])).toThrow(RangeError);
  });
});
