import type { ErrorCode } from '../core/errors.js';
import type { IsolationMode } from '../isolation/policy.js';
import type { FlakyTest } from '../loop/flaky-tests.js';
import type { ReplyStats } from '../loop/reply-stats.js';
import type { ChainsSummary, RunResult, RunStopReason, ScaffoldReport } from '../core/run-result.js';
import type { Attempt, Score } from '../core/attempts.js';
import type { TokenUsage } from '../provider/model-provider.js';
import type { TestId } from '../core/test-report.js';

/**
 * The shape of what `redgreen fix --json` prints on stdout: exactly one object, either a run's result or an
 * error. A field is only ever added under the same `schemaVersion`; removing or changing one raises it.
 * README's "Machine-readable output" describes the same.
 */
export const jsonSchemaVersion = 1;

/** What happened to the fix after the loop. */
export type Delivery =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'dry-run' }
  | { readonly kind: 'applied'; readonly files: readonly string[]; readonly backupDir: string }
  | { readonly kind: 'saved'; readonly patchFile: string; readonly reason: string };

/** Something the user should know that did not stop the run. */
export interface JsonWarning {
  /** `sensitive-edit`: the fix changes a file that runs code or changes dependencies; `model`: a back end's notice. */
  readonly kind: 'sensitive-edit' | 'model';
  /** The file concerned, for `sensitive-edit`. */
  readonly file?: string;
  readonly message: string;
}

/** A run that produced a result, whatever its verdict: `green`, `already-green` or `red`. */
export interface FixJsonResult {
  readonly schemaVersion: typeof jsonSchemaVersion;
  readonly runId: string;
  readonly status: RunResult['status'];
  /** The process's exit code: 0 green, 1 red, 4 the model back end failed, 130 interrupted. */
  readonly exitCode: number;
  readonly stopReason: RunStopReason;
  readonly exhaustedReason?: string;
  /** Set when the model back end failed past its retries (`stopReason` `backend`, exit code 4). */
  readonly backendError?: string;
  readonly baseline: Score;
  readonly final: Score;
  readonly stillFailing: readonly TestId[];
  readonly flaky: readonly FlakyTest[];
  readonly failures: RunResult['failures'];
  readonly steps: readonly Attempt[];
  /** What was scaffolded before the baseline (stubs for what the tests import and the code lacks), when anything was. */
  readonly scaffold?: ScaffoldReport;
  /** Files the fix changes, project-relative. */
  readonly files: readonly string[];
  /** The fix as a unified diff ('' when there is none). */
  readonly diff: string;
  readonly warnings: readonly JsonWarning[];
  readonly delivery: Delivery;
  readonly usage: TokenUsage;
  readonly replies: ReplyStats;
  readonly costUsd?: number;
  readonly durationMs: number;
  /** With `--schedule`: times the noise level was raised because no better state was found for `stallSteps` steps. */
  readonly stallRestarts?: number;
  /** With `--chains` above 1: which chain's state this result holds, why, and how each chain ended. */
  readonly chains?: ChainsSummary;
  /** Where the sandbox was kept (red runs, `--keep-sandbox`). */
  readonly sandboxDir?: string;
  /** How the tests were contained; `fallbackReason` says why strict isolation was unavailable. */
  readonly isolation: { readonly mode: IsolationMode; readonly fallbackReason?: string };
}

/**
 * What failed when a run had no result. `usage`: the command line; `config`: settings or the project;
 * `runner`: the test runner could not start; `environment`: the machine refused a file operation; `model`: the
 * back end; `workspace`: the project could not be read or written; `interrupted`: stopped by a signal;
 * `internal`: a bug in redgreen.
 */
export type JsonErrorKind = 'usage' | 'config' | 'runner' | 'environment' | 'model' | 'workspace' | 'interrupted' | 'internal';

/** A run that ended without a result. */
export interface JsonErrorResult {
  readonly schemaVersion: typeof jsonSchemaVersion;
  readonly status: 'error';
  /** The same exit code as without `--json`: 2 usage or settings, 3 internal, 4 model, 130 interrupted. */
  readonly exitCode: number;
  readonly error: {
    readonly kind: JsonErrorKind;
    /** The stable code of redgreen's error class (`E_CONFIG`, …) or the parser's (`commander.unknownOption`). */
    readonly code?: ErrorCode | (string & {});
    readonly message: string;
  };
}

/** Everything `--json` can print. */
export type FixJsonOutput = FixJsonResult | JsonErrorResult;
