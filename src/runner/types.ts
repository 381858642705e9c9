/** A test's identity: the project-relative file (POSIX separators) and the full name (describe path + title, joined by ' > '). */
export interface TestId {
  readonly file: string;
  readonly name: string;
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

export type TestReport =
  | { readonly status: 'complete'; readonly runner: string; readonly results: readonly TestResult[]; readonly durationMs: number; readonly output: string }
  | { readonly status: 'timeout'; readonly runner: string; readonly results: readonly TestResult[]; readonly durationMs: number; readonly output: string }
  | { readonly status: 'error'; readonly runner: string; readonly results: readonly TestResult[]; readonly durationMs: number; readonly output: string; readonly message: string };

export function testKey(id: TestId): string {
  return `${id.file} :: ${id.name}`;
}
