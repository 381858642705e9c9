import { describe, expect, it } from 'vitest';
import { granularity, nextBand, noiseAt, roundNoise } from './schedule.js';

const levelsOver = (kind: 'linear' | 'cosine', steps: number) => Array.from({ length: steps }, (_, i) => roundNoise(noiseAt({ kind }, i + 1, steps)));

describe('noiseAt', () => {
  it('linear falls evenly from full noise, the last step above zero', () => {
    expect(levelsOver('linear', 5)).toEqual([1, 0.8, 0.6, 0.4, 0.2]);
    expect(levelsOver('linear', 2)).toEqual([1, 0.5]);
  });
  it('cosine lingers near full noise, then falls faster', () => {
    expect(levelsOver('cosine', 5)).toEqual([1, 0.9, 0.65, 0.35, 0.1]);
    const linear = levelsOver('linear', 10);
    const cosine = levelsOver('cosine', 10);
    // Above linear over the first half, below it over the second.
    for (let i = 1; i < 5; i++) expect(cosine[i]).toBeGreaterThan(linear[i] as number);
    for (let i = 6; i < 10; i++) expect(cosine[i]).toBeLessThan(linear[i] as number);
  });
  it('a run of one step is full noise', () => {
    expect(noiseAt({ kind: 'linear' }, 1, 1)).toBe(1);
    expect(noiseAt({ kind: 'cosine' }, 1, 1)).toBe(1);
  });
  it('never rises from one step to the next', () => {
    for (const kind of ['linear', 'cosine'] as const) {
      const levels = levelsOver(kind, 12);
      for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeLessThanOrEqual(levels[i - 1] as number);
    }
  });
  it('a list gives each step its level and holds the last one when shorter than the run', () => {
    const schedule = { kind: 'levels', levels: [0.9, 0.5] } as const;
    expect([1, 2, 3, 4].map((step) => noiseAt(schedule, step, 4))).toEqual([0.9, 0.5, 0.5, 0.5]);
  });
  it('a list longer than the run uses only its first levels', () => {
    const schedule = { kind: 'levels', levels: [1, 0.7, 0.4, 0.1] } as const;
    expect([1, 2].map((step) => noiseAt(schedule, step, 2))).toEqual([1, 0.7]);
  });
  it('steps out of range get the nearest step', () => {
    expect(noiseAt({ kind: 'linear' }, 0, 5)).toBe(1);
    expect(noiseAt({ kind: 'linear' }, 9, 5)).toBeCloseTo(0.2);
    expect(noiseAt({ kind: 'levels', levels: [0.6, 0.3] }, 0, 5)).toBe(0.6);
    expect(noiseAt({ kind: 'linear' }, 1, 0)).toBe(1);
  });
});

describe('granularity', () => {
  it('rewrites at high noise, patches in the middle, updates at low noise', () => {
    expect(granularity(1)).toBe('rewrite');
    expect(granularity(0.66)).toBe('rewrite');
    expect(granularity(0.65)).toBe('patch');
    expect(granularity(0.33)).toBe('patch');
    expect(granularity(0.32)).toBe('update');
    expect(granularity(0)).toBe('update');
  });
  it('follows configured thresholds, equal ones included', () => {
    expect(granularity(0.8, { rewrite: 0.9, patch: 0.1 })).toBe('patch');
    expect(granularity(0.5, { rewrite: 0.5, patch: 0.5 })).toBe('rewrite');
    expect(granularity(0.49, { rewrite: 0.5, patch: 0.5 })).toBe('update');
  });
});

describe('nextBand', () => {
  it('is the lowest level of the next coarser granularity', () => {
    expect(nextBand(0.1)).toBe(0.33);
    expect(nextBand(0.4)).toBe(0.66);
    expect(nextBand(0.7)).toBe(1);
    expect(granularity(nextBand(0.1))).toBe('patch');
    expect(granularity(nextBand(0.4))).toBe('rewrite');
  });
});
