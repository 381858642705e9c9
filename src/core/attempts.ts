import type { Edit, EditKind, ReplyProblem } from './edits.js';
import type { TokenUsage } from './usage.js';
import type { TestId, TestReport, TestResult } from './test-report.js';

/** What a denoiser offers for one step: edits to apply, or the reason its reply could not be read. */
export type Proposal =
  | {
      readonly kind: 'edits';
      readonly edits: readonly Edit[];
      readonly reasoning: string;
      readonly denoiser: string;
      readonly usage?: TokenUsage;
      readonly raw?: string;
      /** The edit format the reply was asked in, for reply-quality statistics. */
      readonly format?: string;
    }
  | {
      readonly kind: 'malformed';
      readonly reason: string;
      readonly problem: ReplyProblem;
      readonly format?: string;
      readonly denoiser: string;
      readonly usage?: TokenUsage;
      readonly raw?: string;
    }
  | {
      /** The denoiser could not produce a reply (a model server that stayed down after retries). */
      readonly kind: 'failed';
      readonly reason: string;
      readonly denoiser: string;
    };

/** How one step ended. */
export type AttemptOutcome =
  | 'green' // every goal test passes and nothing regressed
  | 'improved' // more tests pass than in the best state so far, nothing regressed
  | 'no-improvement' // applied and ran, but not better than the best state; reverted
  | 'regressed' // a test that passed in the best state now fails; reverted
  | 'refused' // an edit was refused (path, no-match, ambiguous, syntax, introduced type errors); nothing applied
  | 'malformed' // the reply held no readable edit
  | 'error'; // the denoiser failed (e.g. the model server could not be reached)

/** Counts of a test report over the goal tests. */
export interface Score {
  readonly passed: number;
  readonly failed: number;
  readonly total: number;
}

/** One step of the loop, appended to the run's history and never rewritten. */
export interface Attempt {
  readonly step: number;
  /** 0 for a step's first proposal; 1, 2, … for format retries after an unreadable or refused reply. */
  readonly retry: number;
  readonly at: string;
  readonly denoiser: string;
  readonly reasoning: string;
  readonly editKinds: readonly EditKind[];
  readonly files: readonly string[];
  /** Unified diff of this step's change against the state it started from ('' when nothing applied). */
  readonly diff: string;
  readonly outcome: AttemptOutcome;
  /** For an unreadable reply, why (no edit, elided code, cut off, invalid). */
  readonly problem?: ReplyProblem;
  /** Why edits were refused or what went wrong, in words fed back to the next proposal. */
  readonly feedback: readonly string[];
  /** The score after this step's verification (the starting score when nothing ran). */
  readonly score: Score;
  /** Tests that failed after this step (empty when it did not run). */
  readonly failing: readonly TestId[];
  readonly durationMs: number;
  readonly usage?: TokenUsage;
  /** The type errors this step's edits introduced, when the project is type-checked and they introduced any. */
  readonly typecheck?: AttemptTypecheck;
  /** The step's noise level σ ∈ [0,1], when the run has a noise schedule. */
  readonly noise?: number;
  /**
   * How good the state after this attempt is (higher is better): weighted goal tests passing, minus
   * regressions, new type errors and a small patch-size term (see loop/reward.ts). The starting state's own
   * reward when nothing ran.
   */
  readonly reward?: number;
  /** The chain (1-based) that made this attempt, when the run has more than one (`--chains`). */
  readonly chain?: number;
}

/** A type error, where it is (project-relative file, 1-based line and column) and what the compiler says. */
export interface TypeDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The compiler's code: 2322 for TS2322. */
  readonly code: number;
  readonly message: string;
}

/**
 * What type errors a proposal introduces do to it: `strict` refuses it before its tests run, `warn` lets its
 * tests run and passes the errors on as feedback, `off` does not check.
 */
export const typecheckModes = ['strict', 'warn', 'off'] as const;

export type TypecheckMode = (typeof typecheckModes)[number];

/** What the type check found in a step's edits: errors the project did not have before them. */
export interface AttemptTypecheck {
  /** `strict`: the errors refused the edits; `warn`: the tests ran anyway. */
  readonly mode: Exclude<TypecheckMode, 'off'>;
  readonly introduced: readonly TypeDiagnostic[];
  /** Whether the edits' tests ran (not under `strict`). */
  readonly testsRan: boolean;
}

/** Scores a report: a test counts as passed only with status 'passed'; skipped tests are left out of the total. */
export function scoreReport(report: TestReport): Score {
  const counted = report.results.filter((r) => r.status !== 'skipped');
  const passed = counted.filter((r) => r.status === 'passed').length;
  return { passed, failed: counted.length - passed, total: counted.length };
}

export function failingResults(report: TestReport): TestResult[] {
  return report.results.filter((r) => r.status === 'failed' || r.status === 'timeout');
}
