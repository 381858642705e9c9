import { normalizeOutput } from '../core/normalize-output.js';
import type { ProcessOutcome } from '../core/run-process.js';
import type { TestId, TestReport, TestResult } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import { commandFile } from './file-of-result.js';

export interface CommandReportOptions {
  readonly command: string;
  readonly runner: string;
  readonly roots: readonly string[];
  readonly outcome: ProcessOutcome;
  /** Per-test results read from the command's TAP output or JUnit reports; empty when it gave none. */
  readonly structured: readonly TestResult[];
  /** Why the TAP stream says tests are missing (a bail out, a short plan), if it does. */
  readonly endedEarly?: string;
  /** When given, only these of the structured results are kept. */
  readonly requested?: readonly TestId[];
  /** These structured results are left out (the command cannot skip them, so they still ran). */
  readonly excluded?: readonly TestId[];
}

/** The name of the result that stands for tests a TAP stream announced but never ran. */
export const endedEarlyName = '(the run ended early)';

/**
 * The report of a command run. The command's own result `{ file: '<command>', name: command }` is always there,
 * passed only on exit code 0, so a verdict is never better than the exit code; the structured results sit beside
 * it (the same name twice in a file numbered by occurrence). Pure.
 */
export function commandReport(options: CommandReportOptions): TestReport {
  const { command, outcome, roots } = options;
  const output = normalizeOutput(outcome.output, roots);
  const base = { runner: options.runner, durationMs: outcome.durationMs, output };
  if (outcome.spawnError) return { status: 'error', ...base, results: [], message: `could not run "${command}": ${outcome.spawnError.message}` };
  const id = { file: commandFile, name: command };
  const wanted = options.requested ? new Set(options.requested.map(testKey)) : undefined;
  const unwanted = new Set((options.excluded ?? []).map(testKey));
  const structured = withOccurrences(options.structured).filter((result) => (!wanted || wanted.has(testKey(result.id))) && !unwanted.has(testKey(result.id)));
  if (outcome.timedOut || outcome.aborted) {
    return { status: 'timeout', ...base, results: [...structured, { id, status: 'timeout', durationMs: outcome.durationMs }] };
  }
  const early: TestResult[] = options.endedEarly
    ? [{ id: { file: commandFile, name: endedEarlyName }, status: 'failed', durationMs: 0, failure: { message: options.endedEarly, frames: [], output } }]
    : [];
  const own: TestResult =
    outcome.exitCode === 0
      ? { id, status: 'passed', durationMs: outcome.durationMs }
      : {
          id,
          status: 'failed',
          durationMs: outcome.durationMs,
          failure: { message: `"${command}" exited with ${outcome.signal ?? `code ${outcome.exitCode}`}`, frames: [], output },
        };
  return { status: 'complete', ...base, results: [...structured, ...early, own] };
}

/** Numbers the second and later results of the same file and name (2, 3, …) in the order they came. */
export function withOccurrences(results: readonly TestResult[]): TestResult[] {
  const seen = new Map<string, number>();
  return results.map((result) => {
    const key = testKey(result.id);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? result : { ...result, id: { ...result.id, occurrence: count } };
  });
}
