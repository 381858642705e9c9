import type { EditKind } from '../core/edits.js';
import type { NoiseSchedule, NoiseThresholds } from '../core/noise.js';
import { defaultNoiseThresholds } from '../core/noise.js';

/**
 * The noise level σ of step `step` (1-based) of `maxSteps`. Pure. With p = (step − 1) / maxSteps, the share of
 * the run already behind the step:
 * - `linear`: σ = 1 − p (1, 0.8, 0.6, 0.4, 0.2 over five steps);
 * - `cosine`: σ = cos²(π/2 · p), the improved-DDPM cosine schedule read backwards: it lingers near full noise,
 *   then falls faster toward the end (1, 0.90, 0.65, 0.35, 0.10 over five steps);
 * - `levels`: the step's own level, the last one held once the list runs out.
 * The first step is at full noise and the last one above zero: step t removes the noise left after t − 1 of the
 * run's steps; a run of one step is all full noise. Steps past `maxSteps` get the last step's level.
 */
export function noiseAt(schedule: NoiseSchedule, step: number, maxSteps: number): number {
  const steps = Math.max(1, maxSteps);
  const position = Math.max(1, Math.floor(step));
  const p = (Math.min(position, steps) - 1) / steps;
  switch (schedule.kind) {
    case 'linear':
      return clamp(1 - p);
    case 'cosine':
      return clamp(Math.cos((Math.PI / 2) * p) ** 2);
    case 'levels':
      return clamp(schedule.levels[Math.min(position, schedule.levels.length) - 1] ?? 1);
  }
}

/** The edit granularity a noise level asks for: `rewrite` at or above its threshold, then `patch`, else `update`. Pure. */
export function granularity(noise: number, thresholds: NoiseThresholds = defaultNoiseThresholds): EditKind {
  if (noise >= thresholds.rewrite) return 'rewrite';
  if (noise >= thresholds.patch) return 'patch';
  return 'update';
}

/** The lowest noise level of the next coarser granularity (1 when already at `rewrite`). Pure. */
export function nextBand(noise: number, thresholds: NoiseThresholds = defaultNoiseThresholds): number {
  if (noise < thresholds.patch) return thresholds.patch;
  if (noise < thresholds.rewrite) return thresholds.rewrite;
  return 1;
}

/** A noise level rounded for display and the journal: two decimals. */
export function roundNoise(noise: number): number {
  return Math.round(noise * 100) / 100;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
