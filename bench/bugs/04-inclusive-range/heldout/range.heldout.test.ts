import { describe, expect, it } from 'vitest';
import { inclusiveRange } from '../src/range.js';

describe('inclusiveRange (held out)', () => {
  it('a single value when start equals end', () => {
    expect(inclusiveRange(3, 3)).toEqual([3]);
  });
  it('lands exactly on the end with a step', () => {
    expect(inclusiveRange(0, 10, 5)).toEqual([0, 5, 10]);
  });
  it('negative bounds', () => {
    expect(inclusiveRange(-2, 1)).toEqual([-2, -1, 0, 1]);
  });
});
