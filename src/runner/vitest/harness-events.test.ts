import { describe, expect, it } from 'vitest';
import { findHanger } from './harness-events.js';

describe('findHanger', () => {
  it('picks the candidate whose test started longest ago without ending', () => {
    const event = (kind: 'start' | 'end', active: number, at: number) => ({ kind, active, file: 'f', titles: [`t${active}`], at });
    expect(findHanger([event('start', 1, 1), event('end', 1, 2), event('start', 2, 3), event('start', 3, 4)])).toBe(2);
    expect(findHanger([event('start', 1, 1), event('end', 1, 2)])).toBeUndefined();
  });
});
