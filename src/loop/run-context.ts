import type { TypecheckMode } from '../core/attempts.js';
import type { NoiseSchedule, NoiseThresholds } from '../core/noise.js';
import type { Denoiser } from '../core/denoiser.js';
import type { RunReporter } from '../core/events.js';
import type { TestRunner } from '../core/test-runner.js';
import type { TestReport } from '../core/test-report.js';
import type { FileChange } from '../core/file-change.js';

/** The sandbox as the loop sees it: a directory it may freely read and write. */
export interface SandboxFiles {
  readonly root: string;
  listFiles(): Promise<string[]>;
  readFile(file: string): Promise<string | undefined>;
  writeFile(file: string, text: string): Promise<void>;
  deleteFile(file: string): Promise<void>;
  /** Why writing `file` (with `text`) would be refused (a symbolic link, an encoding that cannot hold it), or undefined. */
  checkWrite?(file: string, text?: string): Promise<string | undefined>;
}

export interface LoopOptions {
  readonly maxSteps: number;
  /** Project-relative test files that define the goal; all tests when absent. */
  readonly testFiles?: readonly string[];
  /** Globs of the files that may be edited; every non-test file when absent. */
  readonly srcGlobs?: readonly string[];
  readonly allowTestEdits: boolean;
  /** Globs of files that run code or change dependencies (package.json scripts, .npmrc, CI) the run may edit. */
  readonly allowEdit?: readonly string[];
  /** The named package of a workspace, root-relative (`packages/b`): refusals name paths as the user types them, relative to it. */
  readonly packageDir?: string;
  /** Wall-clock limit of one test run. */
  readonly testTimeoutMs: number;
  /** A test run with no progress for this long is hung: its running tests are `timeout` and the rest re-run. */
  readonly hangTimeoutMs?: number;
  /** Extra proposals a step may ask for after an unreadable or refused one; they do not count as steps. */
  readonly formatRetries: number;
  /** Wall-clock limit of the whole loop, when set. */
  readonly budgetSeconds?: number;
  /** Re-runs of a test whose outcome flipped, to tell a flaky test from a real failure or fix (default 2; 0: none). */
  readonly flakyReruns?: number;
  /** Write stubs for what the goal tests import and the code lacks before the baseline (default true). */
  readonly scaffold?: boolean;
  /** What type errors a proposal introduces do to it; absent: `strict` when the project has a tsconfig.json, else `off`. */
  readonly typecheck?: TypecheckMode;
  /** The noise level of each step (see schedule.ts); absent: the edit mode escalates after failures instead. */
  readonly schedule?: NoiseSchedule;
  /** Where the noise level switches to `patch` and to `rewrite` (default 0.33 and 0.66). */
  readonly noiseThresholds?: NoiseThresholds;
  /** Steps without a better best state before the schedule restarts at a higher noise level (default 2). */
  readonly stallSteps?: number;
}

/** Everything the stages share. Built once per run by the orchestrator's caller. */
export interface RunContext {
  readonly runId: string;
  readonly sandbox: SandboxFiles;
  readonly runner: TestRunner;
  readonly denoiser: Denoiser;
  readonly reporter: Required<RunReporter>;
  readonly options: LoopOptions;
  readonly isTestFile: (file: string) => boolean;
  readonly signal?: AbortSignal;
  /**
   * Called after each step with the state the loop holds; it may hand back another state to go on from, whose
   * files it has already written into the sandbox (a beam restarting a chain from a better one). Absent: no hook.
   */
  readonly afterStep?: (state: StepState) => Promise<StepReplacement | undefined>;
}

/** The loop's state after a step, as `afterStep` sees it. */
export interface StepState {
  readonly step: number;
  readonly baseline: TestReport;
  /** The best report so far: the state the next step starts from. */
  readonly best: TestReport;
  /** The kept changes, relative to the project as copied. */
  readonly changes: readonly FileChange[];
}

/** A state to continue from instead: its report and its changes, already in the sandbox. */
export interface StepReplacement {
  readonly best: TestReport;
  readonly changes: readonly FileChange[];
}
