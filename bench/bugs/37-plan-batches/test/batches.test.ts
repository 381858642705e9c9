import { describe, expect, it } from 'vitest';
import { planBatches } from '../src/batches.js';

describe('planBatches', () => {
  it('splits evenly', () => {
    expect(planBatches(6, 3)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 6 }]);
  });
  it('no items, no batches', () => {
    expect(planBatches(0, 5)).toEqual([]);
  });
  it('the last batch takes the remainder', () => {
    expect(planBatches(7, 3)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 6 }, { start: 6, end: 7 }]);
  });
  it('rejects a zero batch size', () => {
    expect(() => planBatches(3, 0)).toThrow(RangeError);
  });
});
