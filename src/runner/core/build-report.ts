import type { Failure, TestId, TestReport, TestResult } from '../types.js';
import { testKey } from '../types.js';
import { normalizeOutput, normalizeText } from './normalize-output.js';
import type { ProcessOutcome } from './run-process.js';
import type { ReportedError, RunnerEvent } from './runner-events.js';
import { projectFrames, projectPath } from './stack-frames.js';

export interface BuildReportOptions {
  readonly runner: string;
  /** The run's cwd and its realpath: paths under them become project-relative. */
  readonly roots: readonly string[];
  readonly events: readonly RunnerEvent[];
  readonly outcome: ProcessOutcome;
  /** When given, results for other tests are dropped and unseen requested tests count as unfinished. */
  readonly requested?: readonly TestId[];
  /** When given, results from other files are dropped (some frameworks filter files by substring). */
  readonly files?: readonly string[];
}

export function toFailure(error: ReportedError, roots: readonly string[]): Failure {
  const message = normalizeText(error.message, roots);
  const frameLines = normalizeText(error.stack ?? '', roots).split('\n').filter(isProjectFrameLine);
  const details = [error.message, error.diff, frameLines.join('\n')];
  return {
    message,
    ...(error.expected !== undefined ? { expected: normalizeText(error.expected, roots) } : {}),
    ...(error.actual !== undefined ? { actual: normalizeText(error.actual, roots) } : {}),
    frames: projectFrames(error.stack, roots),
    output: normalizeOutput(details.filter((part) => part).join('\n\n'), roots),
  };
}

function isProjectFrameLine(line: string): boolean {
  return /^\s*at /.test(line) && !/node_modules\/|\(?node:|\(<anonymous>\)|file:\/\/|\(\/|at \//.test(line);
}

function idOf(event: { file: string; titles: readonly string[] }, roots: readonly string[]): TestId {
  return { file: projectPath(event.file, roots) ?? event.file, name: event.titles.join(' > ') };
}

/** Folds the reporter events and the process outcome into a report; unfinished tests of a killed run become `timeout`. */
export function buildReport(options: BuildReportOptions): TestReport {
  const { roots, outcome, runner } = options;
  const known = new Map<string, TestId>();
  const results = new Map<string, TestResult>();
  const errors: ReportedError[] = [];
  for (const event of options.events) {
    if (event.type === 'error') {
      errors.push(event.error);
      continue;
    }
    const id = idOf(event, roots);
    const key = testKey(id);
    if (event.type !== 'result') {
      known.set(key, id);
      continue;
    }
    results.set(key, {
      id,
      status: event.status,
      durationMs: Math.max(0, event.durationMs ?? 0),
      ...(event.status === 'failed' ? { failure: toFailure(event.error ?? { message: 'failed' }, roots) } : {}),
    });
  }
  const stopped = outcome.timedOut || outcome.aborted;
  if (stopped) {
    for (const id of options.requested ?? []) known.set(testKey(id), id);
    for (const [key, id] of known) {
      if (!results.has(key)) results.set(key, { id, status: 'timeout', durationMs: 0 });
    }
  }
  const wanted = options.requested ? new Set(options.requested.map(testKey)) : undefined;
  const files = options.files ? new Set(options.files) : undefined;
  const kept = [...results.entries()]
    .filter(([key, result]) => (!wanted || wanted.has(key)) && (!files || files.has(result.id.file)))
    .map(([, result]) => result);
  const base = { runner, results: kept, durationMs: outcome.durationMs, output: normalizeOutput(outcome.output, roots) };
  if (stopped) return { status: 'timeout', ...base };
  const problem = errorMessage(errors, outcome, [...results.values()], roots);
  return problem === undefined ? { status: 'complete', ...base } : { status: 'error', ...base, message: problem };
}

function errorMessage(errors: readonly ReportedError[], outcome: ProcessOutcome, results: readonly TestResult[], roots: readonly string[]): string | undefined {
  if (outcome.spawnError) return `could not start the test runner: ${outcome.spawnError}`;
  const first = errors[0];
  if (first) return normalizeText(`${first.message}\n${first.stack ?? ''}`, roots).split('\n').slice(0, 12).join('\n');
  const anyFailed = results.some((result) => result.status === 'failed');
  if (outcome.exitCode !== 0 && !anyFailed) {
    const tail = normalizeOutput(outcome.output, roots, { maxLines: 20, maxChars: 1500 });
    return `the test runner exited with ${outcome.signal ?? `code ${outcome.exitCode}`} without a failing test\n${tail}`;
  }
  return undefined;
}
