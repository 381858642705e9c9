import type { TestId, TestResult } from '../../core/test-report.js';
import type { Candidate, CandidateVerdict, CoverageMatrix, StatementSite } from '../types.js';

export interface ValidationSessionOptions {
  /** The project (already a sandbox copy); the session copies it again and never writes to it. */
  readonly projectDir: string;
  readonly runner: 'vitest';
  /** The framework's per-test timeout (an awaited promise that never settles). */
  readonly testTimeoutMs: number;
  /** How long a run may go without progress (no test starting or finishing) before the session is killed and restarted. */
  readonly candidateTimeoutMs: number;
  /** `tick()` calls per test past which an active candidate's test fails as looping; default 1,000,000. */
  readonly hitLimit?: number;
  /** How long the warm framework may take to start; default 120 s. */
  readonly startTimeoutMs?: number;
  /** Candidates per framework run; default 32. */
  readonly batchSize?: number;
}

/** One candidate's tests in a batch run: the tests in the order to try them (previously failing first). */
export interface CandidateRunRequest {
  readonly active: number;
  readonly tests: readonly TestId[];
}

/** The per-test outcome of running one candidate. */
export type CandidateRun =
  | {
      readonly status: 'complete';
      readonly results: readonly TestResult[];
      /** Errors outside tests, e.g. a module that throws at import with this candidate. */
      readonly errors: readonly string[];
      readonly durationMs: number;
    }
  /** The session stopped making progress while this candidate ran; it was killed and will restart. */
  | { readonly status: 'timeout'; readonly durationMs: number };

export interface RunCandidateOptions extends CandidateRunRequest {
  /** Stop a test file at its first failing test. */
  readonly bail?: boolean;
}

export interface CoverageOptions {
  /** The statements the instrumented files report (from the instrumenter); returned in the matrix. */
  readonly sites: readonly StatementSite[];
  /** Only these tests; every test when absent. */
  readonly tests?: readonly TestId[];
}

/**
 * A warm test framework that validates candidates without restarting per candidate: files are loaded once
 * per schemata batch, then each candidate is switched on by id for the tests that cover it.
 */
export interface ValidationSession {
  /** The session's own working copy of the project. */
  readonly root: string;
  /**
   * Makes these files (project-relative → text) the working copy's content; files an earlier `load` changed
   * and this one does not mention go back to their original text.
   */
  load(files: ReadonlyMap<string, string>): Promise<void>;
  /** Runs one candidate's tests with it switched on (`active: 0` runs the loaded code as is). */
  run(options: RunCandidateOptions): Promise<CandidateRun>;
  /** Runs several candidates in one framework run; a candidate that hangs is `timeout` and the others are retried. */
  runBatch(requests: readonly CandidateRunRequest[], options?: { readonly bail?: boolean }): Promise<Map<number, CandidateRun>>;
  /** Runs tests with no candidate active and collects the statement ids each test executed. */
  coverage(options: CoverageOptions): Promise<CoverageMatrix>;
  /**
   * Validates candidates: builds mutant schemata, loads each batch, runs each candidate against `testsFor(c)`
   * (previously failing tests first) stopping at the first failure, and yields verdicts as they come.
   */
  validate(candidates: readonly Candidate[], testsFor: (candidate: Candidate) => readonly TestId[]): AsyncIterable<CandidateVerdict>;
  /** Kills the framework's process group and removes the working copy. */
  dispose(): Promise<void>;
}
