import type { TokenUsage } from './usage.js';
import type { TestId } from './test-report.js';
import type { FileChange } from './file-change.js';
import type { Attempt, Score } from './attempts.js';

export type StopReason = 'green' | 'budget' | 'exhausted' | 'time' | 'interrupted';

/** A test that both passed and failed on the same code: it proves nothing either way, so it is no goal of the run. */
export interface FlakyTest {
  readonly id: TestId;
  /** Runs of the test on the same code that redgreen saw, and how many of them passed (at least one, never all). */
  readonly runs: number;
  readonly passed: number;
  /** When it showed: 0 at the baseline, else the step under whose change it flipped. */
  readonly step: number;
}

/** How well a denoiser's replies could be used, over a run. */
export interface ReplyStats {
  /** Proposals received (format retries included). */
  readonly replies: number;
  /** Replies that parsed into edits. */
  readonly wellFormed: number;
  /** Well-formed replies whose edits did not apply (no match, ambiguous, outside the scope, broken syntax). */
  readonly failedToApply: number;
  /** Replies refused for eliding code (`// ... rest unchanged`). */
  readonly lazy: number;
  /** Steps whose first reply applied. */
  readonly appliedFirstTry: number;
  readonly steps: number;
}

/**
 * Why the loop stopped: the policy's reasons, `flaky` when the only failures left are flaky tests, or
 * `backend` when the model back end failed past its retries (see `backendError`).
 */
export type RunStopReason = StopReason | 'flaky' | 'backend';

/**
 * What the run scaffolded before its baseline (tests first: they import modules and names that do not exist
 * yet). The scaffolded files are part of `changes` like any edit, shown in the diff and applied only on approval.
 */
export interface ScaffoldReport {
  /** Files written into the sandbox: created, or existing ones with missing exports or members added. */
  readonly files: readonly { readonly file: string; readonly created: boolean }[];
  /** What the tests expected that the code lacked, one line each. */
  readonly findings: readonly string[];
  /** What was left alone and why: packages that are not installed, conflicting expectations, files outside the edit scope. */
  readonly notes: readonly string[];
}

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
  /** What was scaffolded before the baseline, when the tests expected code that did not exist. */
  readonly scaffold?: ScaffoldReport;
  /** The best state's changes against the project. */
  readonly changes: readonly FileChange[];
  /** The same as a git-style unified diff. */
  readonly diff: string;
  readonly usage: TokenUsage;
  readonly replies: ReplyStats;
  readonly durationMs: number;
  /** Times the noise schedule restarted at a higher level because the reward stalled (only with a schedule). */
  readonly stallRestarts?: number;
  /** With more than one chain (`--chains`): each chain's course, and which one's state this result holds. */
  readonly chains?: ChainsSummary;
}

/**
 * How a chain ended: green (it won), stopped (another went green first), duplicate (reached a state another chain
 * held), red (ended without going green: its steps, time or proposals ran out).
 */
export type ChainOutcome = 'green' | 'stopped' | 'duplicate' | 'red';

export interface ChainSummary {
  /** 1-based. */
  readonly chain: number;
  /** The chain's seed, when the run has one (`--seed` + chain − 1). */
  readonly seed?: number;
  readonly steps: number;
  /** The reward of the chain's best state (0 when it kept nothing). */
  readonly bestReward: number;
  readonly outcome: ChainOutcome;
}

export interface ChainsSummary {
  /** The chain whose state this result holds. */
  readonly kept: number;
  /** Why it was kept, in words. */
  readonly reason: string;
  readonly chains: readonly ChainSummary[];
  /** With `--beam`: what each synchronised step kept and moved. */
  readonly beam?: readonly BeamRound[];
}

/** One synchronised step of a beam (`--beam`): the states kept, best first, and where every other chain restarts. */
export interface BeamRound {
  readonly step: number;
  readonly kept: readonly { readonly chain: number; readonly reward: number }[];
  /** `chain` now continues from the state of chain `from`. */
  readonly moves: readonly { readonly chain: number; readonly from: number }[];
}
