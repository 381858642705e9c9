import type { Failure, TestId, TestReport, TestResult } from '../../core/test-report.js';
import { isLoadFailure, isRunFailure, loadFailureId, runFailureId, testKey } from '../../core/test-report.js';
import { escapeRegExp } from './name-filter.js';
import { normalizeOutput, normalizeText } from './normalize-output.js';
import type { ProcessOutcome } from './run-process.js';
import type { ReportedError, RunnerEvent } from './runner-events.js';
import { projectFrames, projectPath } from './stack-frames.js';
import { requestedScope } from './requested-scope.js';
import { createTestIdentities } from './test-identities.js';

export interface BuildReportOptions {
  readonly runner: string;
  /** The run's root and its realpath: paths under them become project-relative. */
  readonly roots: readonly string[];
  readonly events: readonly RunnerEvent[];
  readonly outcome: ProcessOutcome;
  /**
   * When given, results for other tests are dropped and unseen requested tests count as unfinished. A
   * requested load failure keeps every result of its file (the file may load now); a requested run failure
   * keeps everything.
   */
  readonly requested?: readonly TestId[];
  /** When given, results from other files are dropped (some frameworks filter files by substring). */
  readonly files?: readonly string[];
}

export function toFailure(error: ReportedError, roots: readonly string[]): Failure {
  const message = normalizeText(error.message, roots);
  const frameLines = normalizeText(error.stack ?? '', roots)
    .split('\n')
    .filter(isProjectFrameLine);
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

/**
 * Folds the reporter events and the process outcome into a report. Nothing the framework hid counts as a
 * pass: a test file that failed to load is a failing result of its own, an error outside any test or a
 * non-zero exit with no failing test is a failing run result, a test that started and never finished in a
 * run that was not killed failed (the process exited under it), and unfinished tests of a killed run are
 * `timeout`.
 */
export function buildReport(options: BuildReportOptions): TestReport {
  const { roots, outcome, runner } = options;
  const identities = createTestIdentities((file) => projectPath(file, roots) ?? file);
  const results = new Map<string, TestResult>();
  const fileErrors = new Map<string, ReportedError[]>();
  const runErrors: ReportedError[] = [];
  for (const event of options.events) {
    if (event.type === 'error') {
      const file = event.file === undefined ? undefined : projectPath(event.file, roots);
      if (file === undefined) runErrors.push(event.error);
      else fileErrors.set(file, [...(fileErrors.get(file) ?? []), event.error]);
      continue;
    }
    const id = identities.identify(event);
    if (event.type !== 'result') continue;
    results.set(testKey(id), {
      id,
      status: event.status,
      durationMs: Math.max(0, event.durationMs ?? 0),
      ...(event.status === 'failed' ? { failure: toFailure(event.error ?? { message: 'failed' }, roots) } : {}),
    });
  }
  for (const [file, errors] of fileErrors) {
    results.set(testKey(loadFailureId(file)), { id: loadFailureId(file), status: 'failed', durationMs: 0, failure: fileFailure(file, errors, roots) });
  }
  const stopped = outcome.timedOut || outcome.aborted || outcome.stalled === true;
  const hung = outcome.stalled === true ? identities.started().filter((id) => !results.has(testKey(id))) : [];
  const unfinished = stopped
    ? [...identities.known(), ...(options.requested ?? []).filter((id) => !isLoadFailure(id) && !isRunFailure(id))]
    : identities.started();
  for (const id of unfinished) {
    if (results.has(testKey(id))) continue;
    results.set(testKey(id), stopped ? { id, status: 'timeout', durationMs: 0 } : { id, status: 'failed', durationMs: 0, failure: exitedUnder(outcome) });
  }
  for (const id of hung) {
    results.set(testKey(id), {
      id,
      status: 'timeout',
      durationMs: 0,
      failure: {
        message: 'the test hung: it made no progress until the run was stopped (an endless loop or a promise that never settles)',
        frames: [],
        output: '',
      },
    });
  }
  const problem = stopped ? undefined : errorMessage(runErrors, outcome, [...results.values()], roots);
  if (problem !== undefined) {
    results.set(testKey(runFailureId), {
      id: runFailureId,
      status: 'failed',
      durationMs: 0,
      failure: { message: problem, frames: runErrors.flatMap((e) => projectFrames(e.stack, roots)), output: normalizeOutput(outcome.output, roots) },
    });
  }
  const kept = [...results.values()].filter(requestedScope(options.requested, options.files));
  const base = {
    runner,
    results: kept,
    durationMs: outcome.durationMs,
    output: normalizeOutput(outcome.output, roots),
    exit: { code: outcome.exitCode, signal: outcome.signal },
  };
  if (stopped) return { status: 'timeout', ...base, ...(hung.length > 0 ? { hung } : {}) };
  return problem === undefined && fileErrors.size === 0
    ? { status: 'complete', ...base }
    : { status: 'error', ...base, message: problem ?? firstFileError(fileErrors, roots) };
}

function fileFailure(file: string, errors: readonly ReportedError[], roots: readonly string[]): Failure {
  const first = toFailure(errors[0] ?? { message: 'the file failed to load' }, roots);
  const more = errors.length > 1 ? `\n(and ${errors.length - 1} more error${errors.length === 2 ? '' : 's'} in this file)` : '';
  const lines = first.message.split('\n');
  // "Transform failed with 1 error:" says little without the line after it.
  const next = lines.findIndex((line, index) => index > 0 && line.trim() !== '');
  const joined = (lines[0] ?? '').endsWith(':') && next > 0 ? next + 1 : 1;
  const headline = [lines[0] ?? '', ...(joined > 1 ? [lines[joined - 1] ?? ''] : [])].map((line) => line.trim()).join(' ');
  // Some frameworks put the location of a syntax error on a later line: bring it to the headline.
  const location = headline.includes(`${file}:`)
    ? undefined
    : new RegExp(`${escapeRegExp(file)}:(\\d+)(?::\\d+)?`).exec(`${first.message}\n${normalizeText(errors[0]?.stack ?? '', roots)}`);
  const at = location ? ` (at ${file}:${location[1]})` : '';
  return { ...first, message: [`the test file failed to load: ${headline}${at}`, ...lines.slice(joined)].join('\n') + more };
}

function firstFileError(fileErrors: ReadonlyMap<string, readonly ReportedError[]>, roots: readonly string[]): string {
  const [file, errors] = [...fileErrors][0] ?? ['', []];
  return `${file} failed to load: ${normalizeText(errors[0]?.message ?? '', roots)
    .split('\n')
    .slice(0, 12)
    .join('\n')}`;
}

function exitedUnder(outcome: ProcessOutcome): Failure {
  const how = outcome.signal ?? `code ${outcome.exitCode}`;
  return { message: `the test started but never finished: the test process exited (${how}) while it ran`, frames: [], output: '' };
}

function errorMessage(errors: readonly ReportedError[], outcome: ProcessOutcome, results: readonly TestResult[], roots: readonly string[]): string | undefined {
  if (outcome.spawnError) return `could not start the test runner: ${outcome.spawnError}`;
  const first = errors[0];
  if (first)
    return normalizeText(`${first.message}\n${first.stack ?? ''}`, roots)
      .split('\n')
      .slice(0, 12)
      .join('\n');
  const anyFailed = results.some((result) => result.status === 'failed');
  if (outcome.exitCode !== 0 && !anyFailed) {
    const tail = normalizeOutput(outcome.output, roots, { maxLines: 20, maxChars: 1500 });
    return `the test runner exited with ${outcome.signal ?? `code ${outcome.exitCode}`} without a failing test\n${tail}`;
  }
  return undefined;
}
