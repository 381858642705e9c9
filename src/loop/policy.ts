import type { StopReason } from '../core/run-result.js';
import type { EditKind } from '../core/edits.js';
import type { Attempt, Score } from '../core/attempts.js';
import type { NoiseThresholds } from '../core/noise.js';
import { granularity } from './schedule.js';

export interface PolicyInput {
  /** The step about to be taken, 1-based. */
  readonly step: number;
  readonly maxSteps: number;
  /** The best state's score. */
  readonly best: Score;
  readonly history: readonly Attempt[];
  /** The denoiser has nothing more to offer (scripted replies spent, search space exhausted). */
  readonly denoiserExhausted: boolean;
  /** Seconds left in the run's time budget, when it has one. */
  readonly secondsLeft?: number;
  /** The user asked to stop (Ctrl-C). */
  readonly interrupted?: boolean;
  /** The step's noise level, when the run has a schedule: it sets the edit mode instead of the escalation. */
  readonly noise?: number;
  readonly thresholds?: NoiseThresholds;
}

export type Decision = { readonly action: 'stop'; readonly reason: StopReason } | { readonly action: 'propose'; readonly suggestedMode: EditKind };

/** Edit outcomes that mean the reply never reached the tests, so the next reply should be easier to apply. */
const unapplied = new Set(['refused', 'malformed']);

/**
 * What to do next. Pure: stop on green, on a spent step or time budget, or when the denoiser is exhausted;
 * otherwise propose, starting with small search/replace updates and falling back to whole-file rewrites
 * after a reply that could not be applied (seed 003's scalpel → transplant escalation). Under a noise
 * schedule the step's noise level picks the mode instead (see `granularity`).
 */
export function decideNext(input: PolicyInput): Decision {
  if (input.interrupted === true) return { action: 'stop', reason: 'interrupted' };
  if (input.best.total > 0 && input.best.failed === 0) return { action: 'stop', reason: 'green' };
  if (input.step > input.maxSteps) return { action: 'stop', reason: 'budget' };
  if (input.secondsLeft !== undefined && input.secondsLeft <= 0) return { action: 'stop', reason: 'time' };
  if (input.denoiserExhausted) return { action: 'stop', reason: 'exhausted' };
  const suggestedMode = input.noise === undefined ? suggestMode(input.history) : granularity(input.noise, input.thresholds);
  return { action: 'propose', suggestedMode };
}

function suggestMode(history: readonly Attempt[]): EditKind {
  const last = history.at(-1);
  if (last === undefined) return 'update';
  if (unapplied.has(last.outcome)) {
    const unappliedInARow = countTrailing(history, (a) => unapplied.has(a.outcome));
    return unappliedInARow >= 2 ? 'rewrite' : 'patch';
  }
  const stalled = countTrailing(history, (a) => a.outcome === 'no-improvement' || a.outcome === 'regressed');
  return stalled >= 2 ? 'rewrite' : 'update';
}

function countTrailing(history: readonly Attempt[], predicate: (attempt: Attempt) => boolean): number {
  let count = 0;
  for (let i = history.length - 1; i >= 0 && predicate(history[i] as Attempt); i--) count++;
  return count;
}

export type { StopReason };
