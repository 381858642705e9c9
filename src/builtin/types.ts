import type { TestId } from '../core/test-report.js';
import type { StatementSite } from '../core/warm-session.js';

/** Statements and per-test coverage are the warm session's vocabulary (core/warm-session.ts). */
export type { CoverageMatrix, StatementSite } from '../core/warm-session.js';

/** How suspicious a statement is, from the tests that cover it (Ochiai) and the failing tests' frames. */
export interface Suspicion {
  readonly site: StatementSite;
  readonly score: number;
  readonly failedCovering: number;
  readonly passedCovering: number;
}

/** One replacement of original text in one file. Offsets index the original text of that file. */
export interface TextChange {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * What the replaced range is, so mutant schemata can switch it safely: an expression becomes
   * `(active === id ? new : old)`, a statement list becomes `if (active === id) { new } else { old }`.
   */
  readonly node: 'expression' | 'statement';
}

/** A candidate repair: one or more changes (a pair of edits is one candidate), with why and how likely. */
export interface Candidate {
  /** Positive and unique within one validation batch (0 means "no candidate active"). */
  readonly id: number;
  readonly changes: readonly TextChange[];
  /** The mutator or template that made it, e.g. `relational-boundary`. */
  readonly operator: string;
  /** Human words, e.g. "`<` → `<=` at src/range.ts:12". */
  readonly description: string;
  /** Suspiciousness of the site × the operator's prior; higher is tried first. */
  readonly score: number;
}

/** The outcome of running a candidate against the tests that cover its changes. */
export type CandidateVerdict =
  | { readonly candidate: number; readonly status: 'plausible'; readonly passed: number; readonly durationMs: number }
  | {
      readonly candidate: number;
      readonly status: 'failed';
      readonly passed: number;
      readonly failedTest: TestId;
      /** The requested tests that passed (a bailed run leaves the rest of a file unrun): what partial progress is judged by. */
      readonly passedTests: readonly TestId[];
      readonly durationMs: number;
    }
  | { readonly candidate: number; readonly status: 'timeout'; readonly durationMs: number }
  | { readonly candidate: number; readonly status: 'error'; readonly message: string; readonly durationMs: number };
