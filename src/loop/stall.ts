import type { NoiseSchedule, NoiseThresholds } from '../core/noise.js';
import { defaultNoiseThresholds } from '../core/noise.js';
import { nextBand, noiseAt } from './schedule.js';

/** Steps without a better best state before the noise is raised. */
export const defaultStallSteps = 2;

/** Where a run stands on its schedule. */
export interface NoiseClock {
  /** The schedule position of the next step, 1-based; a restart sets it back to 1. */
  readonly position: number;
  /** The reward of the best state so far. */
  readonly best: number;
  /** Steps since the best reward last rose, or since the last restart. */
  readonly flat: number;
  /** The least noise of the next step: after a restart, the stalled level raised to the next coarser granularity. */
  readonly floor: number;
}

export interface StallOptions {
  readonly schedule: NoiseSchedule;
  readonly maxSteps: number;
  /** Steps without a better best state before a restart (default 2). */
  readonly stallSteps?: number;
  readonly thresholds?: NoiseThresholds;
}

/** The clock of a run whose starting state has `reward`. Pure. */
export function startClock(reward: number): NoiseClock {
  return { position: 1, best: reward, flat: 0, floor: 0 };
}

/** The noise level of the next step: the schedule's level at the clock's position, at least its floor. Pure. */
export function clockNoise(clock: NoiseClock, options: StallOptions): number {
  return Math.max(clock.floor, noiseAt(options.schedule, clock.position, options.maxSteps));
}

/**
 * The clock after a step that ran at `noise` and left the best state with `reward`. Pure. When the best
 * reward has not risen for `stallSteps` steps, small edits are not getting anywhere: the schedule restarts from
 * its first (highest) level, and at least one granularity coarser than the stalled step (update → patch →
 * rewrite → full noise), from the best state; the count starts over. Otherwise the clock moves one step on.
 */
export function advanceClock(
  clock: NoiseClock,
  step: { readonly noise: number; readonly reward: number },
  options: StallOptions,
): { clock: NoiseClock; restarted: boolean } {
  const rose = step.reward > clock.best;
  const best = Math.max(clock.best, step.reward);
  const flat = rose ? 0 : clock.flat + 1;
  if (flat >= (options.stallSteps ?? defaultStallSteps)) {
    const floor = nextBand(step.noise, options.thresholds ?? defaultNoiseThresholds);
    return { clock: { position: 1, best, flat: 0, floor }, restarted: true };
  }
  return { clock: { position: clock.position + 1, best, flat, floor: 0 }, restarted: false };
}
