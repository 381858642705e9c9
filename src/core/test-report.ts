/**
 * A test's identity: the project-relative file (POSIX separators) and the full name (describe path + title,
 * joined by ' > '). Two tests with the same full name in one file are two tests: the second and later ones
 * carry their `occurrence` (2, 3, …) in the order the framework reports them.
 */
export interface TestId {
  readonly file: string;
  readonly name: string;
  /** 2 for the second test of this name in the file, 3 for the third, …; absent for the first. */
  readonly occurrence?: number;
}

/**
 * The name of the result that stands for a whole test file that failed to load or collect (a missing import,
 * a syntax error, a throw at top level): a failing goal until the file loads and its own tests run.
 */
export const loadFailureName = '(the file failed to load)';

/** Whether a result stands for a test file that did not load, rather than for one of its tests. */
export function isLoadFailure(id: TestId): boolean {
  return id.name === loadFailureName;
}

/**
 * The result that stands for a run that failed outside any test: an error no test owns (an unhandled
 * rejection, a broken setup file) or a framework that exited non-zero with no failing test. A failing goal.
 */
export const runFailureId: TestId = { file: '<run>', name: '(the test run failed outside any test)' };

/** Whether a result stands for the run as a whole rather than for a test or a test file. */
export function isRunFailure(id: TestId): boolean {
  return id.file === runFailureId.file && id.name === runFailureId.name;
}

/** The load-failure identity of a test file. */
export function loadFailureId(file: string): TestId {
  return { file, name: loadFailureName };
}

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'timeout';

/** A stack frame mapped to the project: project-relative POSIX path, 1-based line and column. */
export interface SourceFrame {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly fn?: string;
}

export interface Failure {
  /** The assertion or error message, normalized (no ANSI, project-relative paths, no timings). */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Frames inside the project (not node_modules, not node internals), innermost first. */
  readonly frames: readonly SourceFrame[];
  /** Normalized runner output for this failure, bounded (head + tail + the error lines). */
  readonly output: string;
}

export interface TestResult {
  readonly id: TestId;
  readonly status: TestStatus;
  readonly durationMs: number;
  readonly failure?: Failure;
}

/** How the framework's process ended, when one ran. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: string | null;
}

interface ReportBase {
  readonly runner: string;
  readonly results: readonly TestResult[];
  readonly durationMs: number;
  readonly output: string;
  /** The framework process's exit; absent when no process ran (an empty scope). */
  readonly exit?: ProcessExit;
}

export type TestReport =
  | (ReportBase & { readonly status: 'complete' })
  | (ReportBase & {
      readonly status: 'timeout';
      /** The tests that were running when the run stopped making progress (hang detection), if it did. */
      readonly hung?: readonly TestId[];
    })
  | (ReportBase & { readonly status: 'error'; readonly message: string });

/** A string unique per test, for maps and sets. */
export function testKey(id: TestId): string {
  return `${id.file} :: ${id.name}${id.occurrence === undefined ? '' : ` #${id.occurrence}`}`;
}

/** The test's name as people read it: its full name, with `(#2)` for a repeated one. */
export function displayName(id: TestId): string {
  return id.occurrence === undefined ? id.name : `${id.name} (#${id.occurrence})`;
}
