import { describe, expect, it } from 'vitest';
import { granularity } from './schedule.js';
import type { NoiseClock, StallOptions } from './stall.js';
import { advanceClock, clockNoise, startClock } from './stall.js';

const linear: StallOptions = { schedule: { kind: 'linear' }, maxSteps: 5 };

/** The noise of each step when the best state's reward after each step is `rewards[i]`. */
function noiseTrace(options: StallOptions, start: number, rewards: readonly number[]): { noise: number[]; restarts: number[] } {
  let clock: NoiseClock = startClock(start);
  const noise: number[] = [];
  const restarts: number[] = [];
  rewards.forEach((reward, i) => {
    const sigma = Math.round(clockNoise(clock, options) * 100) / 100;
    noise.push(sigma);
    const next = advanceClock(clock, { noise: sigma, reward }, options);
    if (next.restarted) restarts.push(i + 1);
    clock = next.clock;
  });
  return { noise, restarts };
}

describe('stall handling', () => {
  it('follows the schedule while the reward keeps rising', () => {
    expect(noiseTrace(linear, 0, [1, 2, 3, 4, 5])).toEqual({ noise: [1, 0.8, 0.6, 0.4, 0.2], restarts: [] });
  });

  it('restarts from the top of the schedule after stallSteps steps without a better state', () => {
    // Steps 2 and 3 find nothing better than step 1's state: step 4 starts over at full noise.
    expect(noiseTrace(linear, 0, [1, 1, 1, 1, 1, 1])).toEqual({ noise: [1, 0.8, 0.6, 1, 0.8, 1], restarts: [3, 5] });
  });

  it('counts from the last improvement, and a lower reward is no improvement', () => {
    expect(noiseTrace(linear, 2, [3, 1, 3, 4]).restarts).toEqual([3]);
  });

  it('raises the noise at least one granularity even when the schedule starts low', () => {
    const flat: StallOptions = { schedule: { kind: 'levels', levels: [0.2] }, maxSteps: 6, stallSteps: 1 };
    const trace = noiseTrace(flat, 0, [0, 0, 0, 0]);
    expect(trace.noise).toEqual([0.2, 0.33, 0.66, 1]);
    expect(trace.noise.map((sigma) => granularity(sigma))).toEqual(['update', 'patch', 'rewrite', 'rewrite']);
  });

  it('uses the configured stall length and thresholds', () => {
    const options: StallOptions = { ...linear, maxSteps: 4, stallSteps: 3, thresholds: { rewrite: 0.9, patch: 0.5 } };
    const trace = noiseTrace(options, 0, [0, 0, 0, 0]);
    expect(trace.restarts).toEqual([3]);
    expect(trace.noise).toEqual([1, 0.75, 0.5, 1]);
  });

  it('a one-step run has nothing to restart into but reports the stall', () => {
    const clock = advanceClock(startClock(0), { noise: 1, reward: 0 }, { ...linear, maxSteps: 1, stallSteps: 1 });
    expect(clock.restarted).toBe(true);
    expect(clockNoise(clock.clock, { ...linear, maxSteps: 1 })).toBe(1);
  });
});
