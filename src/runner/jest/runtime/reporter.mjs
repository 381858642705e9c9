// @ts-check
// The reporter jest (27 to 30) loads beside its default one. Jest with its circus runner streams each test
// through `onTestCaseResult` (and `onTestCaseStart` from 29.6); a runner that does not (jasmine2) only gives the
// file's `testResults[]` at its end, which also carries `testExecError` for a file that failed to load.
import { toError, writeEvent } from '../../core/runtime/write-event.mjs';

/** @typedef {import('../../core/runtime/write-event.mjs').ReportedError} ReportedError */
/** @typedef {{ path: string }} JestTest */
/** @typedef {{ ancestorTitles?: string[], title: string, status: string, duration?: number | null, failureMessages?: string[], failureDetails?: unknown[] }} AssertionResult */
/** @typedef {{ testResults?: AssertionResult[], testExecError?: unknown, failureMessage?: string | null }} FileResult */

/** @type {Record<string, 'passed' | 'failed'>} */
const statuses = { passed: 'passed', failed: 'failed' };

/**
 * @param {{ ancestorTitles?: string[], title: string }} result
 * @returns {string[]}
 */
function titlesOf(result) {
  return [...(result.ancestorTitles ?? []), result.title];
}

/**
 * @param {AssertionResult} result
 * @returns {ReportedError}
 */
function errorOf(result) {
  const detail = result.failureDetails?.[0];
  const message = result.failureMessages?.[0];
  const error = detail !== null && typeof detail === 'object' ? toError(detail) : { message: String(message ?? 'failed') };
  // the failure message carries the stack jest printed, when the thrown value had none of its own
  return !error.stack && message ? { ...error, stack: message } : error;
}

export default class RedgreenJestReporter {
  /** Files whose tests came one by one, so their end does not report them again. */
  /** @type {Set<string>} */
  streamed = new Set();
  /** @type {Map<string, number>} results per file so far: the id of the next one */
  counts = new Map();

  /**
   * @param {JestTest} test
   * @param {{ ancestorTitles?: string[], title: string }} info
   */
  onTestCaseStart(test, info) {
    writeEvent({ type: 'start', file: test.path, titles: titlesOf(info) });
  }

  /**
   * @param {JestTest} test
   * @param {AssertionResult} result
   */
  onTestCaseResult(test, result) {
    this.streamed.add(test.path);
    this.report(test.path, result);
  }

  /**
   * @param {JestTest} test
   * @param {FileResult} fileResult
   */
  onTestFileResult(test, fileResult) {
    if (!this.streamed.has(test.path)) for (const result of fileResult.testResults ?? []) this.report(test.path, result);
    if (fileResult.testExecError) writeEvent({ type: 'error', file: test.path, error: toError(fileResult.testExecError) });
  }

  /**
   * @param {string} file
   * @param {AssertionResult} result
   */
  report(file, result) {
    const ordinal = this.counts.get(file) ?? 0;
    this.counts.set(file, ordinal + 1);
    const status = statuses[result.status] ?? 'skipped';
    writeEvent({
      type: 'result',
      file,
      titles: titlesOf(result),
      id: String(ordinal),
      status,
      ...(typeof result.duration === 'number' ? { durationMs: result.duration } : {}),
      ...(status === 'failed' ? { error: errorOf(result) } : {}),
    });
  }

  getLastError() {
    return undefined;
  }
}
