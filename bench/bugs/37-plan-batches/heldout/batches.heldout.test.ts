import { describe, expect, it } from 'vitest';
import { planBatches } from '../src/batches.js';

describe('planBatches (held out)', () => {
  it('fewer items than one batch', () => {
    expect(planBatches(2, 10)).toEqual([{ start: 0, end: 2 }]);
  });
  it('covers every item exactly once', () => {
    const batches = planBatches(101, 10);
    expect(batches).toHaveLength(11);
    expect(batches.reduce((n, b) => n + (b.end - b.start), 0)).toBe(101);
  });
});
