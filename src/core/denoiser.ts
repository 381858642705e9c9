import type { TestReport, TestResult } from './test-report.js';
import type { Attempt, Proposal } from './attempts.js';
import type { EditKind } from './edits.js';

/** Numbers behind a progress message, for reporters that aggregate (benchmarks, dashboards). */
export type ProgressData = Readonly<Record<string, number>>;

/** A read-only view of the project files as they stand in the sandbox's best state. */
export interface ProjectView {
  /** The directory the view reads (the loop's sandbox). Denoisers must not write to it: copy it to run anything. */
  readonly root: string;
  /** Project-relative POSIX paths of every file (no node_modules, .git, .redgreen). */
  readonly files: readonly string[];
  /** The text of a file, or undefined when it does not exist. */
  read(file: string): Promise<string | undefined>;
  /** Whether a path is a test file (the specification, not to be edited). */
  isTestFile(file: string): boolean;
  /** Whether the run may edit this file (`--src` scope, test files excluded unless allowed). */
  isEditable(file: string): boolean;
}

/** What the tests expect of the code, read from the test files before the run (see coherence/). */
export interface TestExpectations {
  /** A TypeScript declaration summary of the modules, exports and members the tests use, with the types they expect. */
  readonly summary: string;
  /** Differences between what the tests expect and the code that scaffolding could not settle (arity, async), one line each. */
  readonly findings: readonly string[];
}

/** Everything a denoiser may use to propose the next step. */
export interface DenoiseContext {
  readonly step: number;
  readonly maxSteps: number;
  readonly project: ProjectView;
  /** The latest full report of the best state. */
  readonly report: TestReport;
  /** The goal tests that still fail in the best state. */
  readonly failures: readonly TestResult[];
  /** Every earlier attempt, oldest first. */
  readonly history: readonly Attempt[];
  /** The edit mode the policy suggests for this step. */
  readonly suggestedMode: EditKind;
  /**
   * The step's noise level σ ∈ [0,1] when the run has a noise schedule: how much of the code the step may
   * change (1: whole files, near 0: single edits). Model denoisers sample hotter at high noise.
   */
  readonly noise?: number;
  /** What the tests expect of the code, when it could be read from them. */
  readonly expectations?: TestExpectations;
  /**
   * Why this step's earlier proposals could not be used (unreadable, refused), newest last. The loop appends
   * to it before asking the same iterator for another proposal, so a denoiser resumed after a `yield` can
   * answer the refusal instead of repeating itself (format retries).
   */
  readonly stepFeedback: readonly string[];
  /** Epoch ms when the run's time budget ends, when it has one. */
  readonly deadline?: number;
  /** The test runner the loop verifies with (`vitest`, `jest`, `node-test`, `command:…`). */
  readonly runner: string;
  /** Wall-clock limit of one test run. */
  readonly testTimeoutMs: number;
  /** Tells the user what a long proposal is doing (candidates tried, best so far). */
  readonly progress?: (message: string, data?: ProgressData) => void;
  readonly signal?: AbortSignal;
}

/** Proposes edits that should move the failing tests toward green. */
export interface Denoiser {
  /** Shown in progress output and stored with every attempt. */
  readonly name: string;
  /** Yields candidate proposals for this step, best first; the loop may stop reading after the first. */
  propose(context: DenoiseContext): AsyncIterable<Proposal>;
  /** Loads what it needs before the run (a local model's weights), so a missing piece fails early. */
  init?(): Promise<void>;
  /** Releases the model back end. */
  dispose?(): Promise<void>;
}
