import type { TestId, TestReport } from './test-report.js';
import type { WarmSessionProvider } from './warm-session.js';

export interface RunOptions {
  /**
   * The directory that test ids, `files` and reported paths are relative to, when it is not the run's cwd:
   * the workspace root of a monorepo whose package the tests run in. Frames anywhere under it are project
   * frames. Defaults to the cwd.
   */
  readonly root?: string;
  /** Only these tests; all tests when absent. */
  readonly tests?: readonly TestId[];
  /** Only these test files (project-relative); used to scope the suite to `--tests`. */
  readonly files?: readonly string[];
  /**
   * Run everything else in scope but not these tests (tests found hanging): the adapter filters them out by
   * name (a negative name pattern, or the framework's own skip option) and leaves them out of the report.
   */
  readonly exclude?: readonly TestId[];
  /** Wall-clock limit for the whole run; past it the process group is killed and unfinished tests are `timeout`. */
  readonly timeoutMs: number;
  /**
   * A run whose tests stop reporting progress for this long is hung: the process group is killed, the tests
   * that were running are `timeout` (listed in the report's `hung`), and the runner re-runs the rest without
   * them. Unset: only `timeoutMs` stops a run.
   */
  readonly hangTimeoutMs?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/**
 * What a runner can do beyond running the suite. Callers ask for a capability, never for a runner by name: a
 * runner that gains one (a warm session for jest, say) is used for it without any change elsewhere.
 */
export interface RunnerCapabilities {
  /** Results per test (ids, status, messages, frames), not only one verdict for the whole command. */
  readonly perTestResults: boolean;
  /** `RunOptions.tests`, `files` and `exclude` narrow what runs, not only what is reported. */
  readonly subsets: boolean;
  /** Per-test statement coverage of instrumented code (from its warm session, where the project's framework version allows). */
  readonly perTestCoverage: boolean;
  /** A warm session validates candidates without a process per candidate (`warmSession`). */
  readonly warmValidation: boolean;
}

/** What a runner that says nothing of itself is taken to offer: per-test results and subsets, nothing warm. */
export const defaultCapabilities: RunnerCapabilities = { perTestResults: true, subsets: true, perTestCoverage: false, warmValidation: false };

/** Drives one test framework inside a project directory (the sandbox). */
export interface TestRunner {
  /** The adapter's name, as given to `--runner`. */
  readonly name: string;
  /** What it offers besides `run`; `defaultCapabilities` when absent. */
  readonly capabilities?: RunnerCapabilities;
  /** The warm session for candidate validation and per-test coverage, when the runner has one. */
  readonly warmSession?: WarmSessionProvider;
  /** Runs the tests in `cwd` and returns per-test results. Never throws for failing or hanging tests. */
  run(cwd: string, options: RunOptions): Promise<TestReport>;
  /** Releases any warm process. */
  dispose?(): Promise<void>;
}
