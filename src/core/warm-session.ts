import type { TestId, TestResult } from './test-report.js';

/**
 * The warm session port: a test framework kept running over a private copy of the project, which runs
 * instrumented code (core/instrumentation.ts) with one candidate switched on at a time and reports per-test
 * results and per-test statement coverage. A runner that has one offers it as `TestRunner.warmSession`; the
 * built-in engine validates its candidates on it instead of spawning the runner once per candidate.
 */

/** A statement of a source file that coverage can attribute to tests. Offsets index the original text. */
export interface StatementSite {
  /** Dense id across the whole project instrumentation (0, 1, 2, …): what instrumented code reports. */
  readonly id: number;
  /** Project-relative POSIX path. */
  readonly file: string;
  /** 1-based line of the statement's start. */
  readonly line: number;
  /** 1-based line of the statement's end (frames inside a multi-line statement match it); absent means `line`. */
  readonly endLine?: number;
  readonly start: number;
  readonly end: number;
}

/** Per-test coverage: the statement ids each test executed. */
export interface CoverageMatrix {
  readonly sites: readonly StatementSite[];
  readonly tests: readonly { readonly id: TestId; readonly passed: boolean; readonly statements: readonly number[] }[];
}

export interface WarmSessionOptions {
  /** The project (already a sandbox copy); the session copies it again and never writes to it. */
  readonly projectDir: string;
  /** The framework's per-test timeout (an awaited promise that never settles). */
  readonly testTimeoutMs: number;
  /** How long a run may go without progress (no test starting or finishing) before the session is killed and restarted. */
  readonly candidateTimeoutMs: number;
  /** `tick()` calls per test past which an active candidate's test fails as looping; default 1,000,000. */
  readonly hitLimit?: number;
  /** How long the warm framework may take to start; default 120 s. */
  readonly startTimeoutMs?: number;
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
 * A warm test framework that runs candidates without restarting per candidate: files are loaded once per
 * batch, then each candidate is switched on by id for the tests asked for.
 */
export interface WarmSession {
  /** The session's own working copy of the project. */
  readonly root: string;
  /** The original text of a project file (before any `load`), undefined when there is none. */
  readOriginal(file: string): Promise<string | undefined>;
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
  /** Kills the framework's process group and removes the working copy. */
  dispose(): Promise<void>;
}

/** How a runner offers its warm session. */
export interface WarmSessionProvider {
  /** Whether the framework version the project installs can run the session (checked before `start`). */
  supports(projectDir: string): boolean;
  /**
   * Starts the session over a private copy of `options.projectDir`.
   * @throws RunnerError when it cannot start here; the caller then runs each candidate in a process of its own.
   */
  start(options: WarmSessionOptions): Promise<WarmSession>;
}
