import { describe, expect, it } from 'vitest';
import { parseNoiseThresholds, parseSchedule } from './noise.js';

describe('parseSchedule', () => {
  it('reads the named schedules', () => {
    expect(parseSchedule('linear')).toEqual({ ok: true, value: { kind: 'linear' } });
    expect(parseSchedule(' cosine ')).toEqual({ ok: true, value: { kind: 'cosine' } });
  });
  it('reads a list of levels, one level alone included', () => {
    expect(parseSchedule('1, 0.5,0.2')).toEqual({ ok: true, value: { kind: 'levels', levels: [1, 0.5, 0.2] } });
    expect(parseSchedule('0.4')).toEqual({ ok: true, value: { kind: 'levels', levels: [0.4] } });
    expect(parseSchedule('0.5,0.5,0')).toEqual({ ok: true, value: { kind: 'levels', levels: [0.5, 0.5, 0] } });
  });
  it.each([
    ['exponential', '"exponential" is not a number'],
    ['', 'no noise level given'],
    ['1,,0.2', '"" is not a number'],
    ['1.5,0.2', 'noise level 1.5 is outside [0,1]'],
    ['0.5,-0.1', 'noise level -0.1 is outside [0,1]'],
    ['0.2,0.8', 'noise level 0.8 rises after 0.2'],
  ])('refuses %j: %s, naming the accepted forms', (text, problem) => {
    const parsed = parseSchedule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.message).toBe(`${problem}; expected linear, cosine, or comma-separated noise levels from 0 to 1 that do not increase (e.g. 1,0.5,0.2)`);
  });
});

describe('parseNoiseThresholds', () => {
  it('reads rewrite then patch', () => {
    expect(parseNoiseThresholds('0.7,0.3')).toEqual({ ok: true, value: { rewrite: 0.7, patch: 0.3 } });
    expect(parseNoiseThresholds('0.5,0.5')).toEqual({ ok: true, value: { rewrite: 0.5, patch: 0.5 } });
  });
  it.each([
    ['0.7', 'got 1 level(s)'],
    ['0.9,0.5,0.1', 'got 3 level(s)'],
    ['0.3,0.7', 'the rewrite threshold 0.3 is below the patch threshold 0.7'],
    ['2,0.5', 'noise level 2 is outside [0,1]'],
    ['high,low', '"high" is not a number'],
  ])('refuses %j', (text, problem) => {
    const parsed = parseNoiseThresholds(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.message).toBe(`${problem}; expected two noise levels from 0 to 1, rewrite then patch, the first not below the second (e.g. 0.66,0.33)`);
  });
});
