import type { TokenUsage } from '../provider/model-provider.js';
import type { TestId } from '../runner/types.js';
import type { FileChange } from '../workspace/file-change.js';
import type { FlakyTest } from './flaky-tests.js';
import type { Attempt, Score } from './types.js';
import type { StopReason } from './policy.js';
import type { ReplyStats } from './reply-stats.js';

/**
 * Why the loop stopped: the policy's reasons, `flaky` when the only failures left are flaky tests, or
 * `backend` when the model back end failed past its retries (see `backendError`).
 */
export type RunStopReason = StopReason | 'flaky' | 'backend';

/** The outcome of the loop, before approval and write-back. */
export interface RunResult {
  readonly runId: string;
  /** `already-green`: nothing to do; `green`: the best state passes every goal test; `red`: the budget ended first. */
  readonly status: 'green' | 'already-green' | 'red';
  readonly stopReason: RunStopReason;
  /** When the denoiser ran out of proposals, what it said last (why it has nothing to offer). */
  readonly exhaustedReason?: string;
  /** When the model back end failed (`stopReason` `backend`), what failed; the steps kept before it stand. */
  readonly backendError?: string;
  readonly baseline: Score;
  readonly final: Score;
  readonly stillFailing: readonly TestId[];
  /** Tests that passed and failed on the same code, in the order found; they are not goals and never make a run green. */
  readonly flaky: readonly FlakyTest[];
  /** The still-failing goals with the first line of why each fails, in the same order. */
  readonly failures: readonly { readonly id: TestId; readonly message: string }[];
  readonly attempts: readonly Attempt[];
  /** The best state's changes against the project. */
  readonly changes: readonly FileChange[];
  /** The same as a git-style unified diff. */
  readonly diff: string;
  readonly usage: TokenUsage;
  readonly replies: ReplyStats;
  readonly durationMs: number;
}
