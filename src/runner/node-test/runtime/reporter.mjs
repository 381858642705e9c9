// @ts-check
// A `node --test` custom reporter (Node ≥ 20): an async generator over the runner's events. It yields nothing;
// it appends test events to the events file. Full names come from the nesting of `test:start` events, which
// Node emits in definition order; suites (`details.type === 'suite'`) are not tests. A file that fails to load
// (a missing import, a syntax error) comes as a failing top-level "test" named after the file, with no line.
import { toError, writeEvent } from '../../core/runtime/write-event.mjs';

/** @typedef {import('../../core/runtime/write-event.mjs').ReportedError} ReportedError */
/** @typedef {{ error?: { failureType?: string, code?: string, cause?: unknown }, type?: string, duration_ms?: number }} Details */
/** @typedef {{ file?: string, name: string, nesting: number, line?: number, skip?: unknown, todo?: unknown, details?: Details, message?: unknown }} EventData */

/**
 * @param {unknown} error
 * @returns {ReportedError}
 */
function failureOf(error) {
  const wrapper = /** @type {{ code?: string, cause?: unknown } | null | undefined} */ (error);
  if (wrapper && typeof wrapper === 'object' && wrapper.code === 'ERR_TEST_FAILURE' && wrapper.cause !== undefined) {
    const inner = wrapper.cause;
    return inner && typeof inner === 'object' ? toError(inner) : { message: String(inner) };
  }
  return toError(error);
}

/**
 * Node 20 fails a test file that does not load with a bare "test failed": the real error is only in the
 * file's stderr, so the error is read from there.
 * @param {unknown} error
 * @param {string | undefined} stderr
 * @returns {ReportedError}
 */
function loadFailureOf(error, stderr) {
  const failure = failureOf(error);
  if (failure.message !== 'test failed' || !stderr) return failure;
  const lines = stderr.split('\n');
  const at = lines.findIndex((line) => /^[A-Za-z]*(Error|Exception)\b/.test(line));
  if (at === -1) return failure;
  const where = /^((?:file:\/\/)?\/\S+):(\d+)$/.exec(lines[0] ?? '');
  const frames = lines.slice(at + 1).filter((line) => /^\s+at /.test(line));
  if (where) frames.unshift(`    at ${where[1]}:${where[2]}:1`);
  const message = where ? `${lines[at]} (at ${where[1]}:${where[2]})` : (lines[at] ?? failure.message);
  return { message, stack: [lines[at], ...frames].join('\n') };
}

/**
 * @param {EventData} data
 * @param {string} file
 */
function isFileFailure(data, file) {
  const failureType = data.details?.error?.failureType;
  return data.nesting === 0 && file !== '' && (data.name === file || (failureType === 'testCodeFailure' && !data.line));
}

/** @param {AsyncIterable<{ type: string, data?: EventData }>} source */
// eslint-disable-next-line require-yield -- it writes to the events file, not to the reporter's stream
export default async function* redgreenNodeTestReporter(source) {
  /** @type {Map<string, string[]>} */
  const stacks = new Map();
  /** @type {Map<string, string>} */
  const stderr = new Map();
  /** @type {Set<string>} */
  const reported = new Set();
  for await (const event of source) {
    const data = event.data;
    if (!data) continue;
    const file = data.file ?? '';
    if (event.type === 'test:stderr') {
      const text = stderr.get(file) ?? '';
      if (text.length < 20000) stderr.set(file, text + String(data.message ?? ''));
      continue;
    }
    const path = stacks.get(file) ?? [];
    stacks.set(file, path);
    if (event.type === 'test:start') {
      path.length = data.nesting;
      path[data.nesting] = data.name;
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const details = data.details ?? {};
    const failed = event.type === 'test:fail';
    if (details.type === 'suite') {
      if (failed && details.error?.failureType !== 'subtestsFailed') writeEvent({ type: 'error', file, error: failureOf(details.error) });
      continue;
    }
    if (failed && isFileFailure(data, file)) {
      writeEvent({ type: 'error', file, error: loadFailureOf(details.error, stderr.get(file)) });
      continue;
    }
    if (!failed && data.nesting === 0 && file !== '' && data.name === file) {
      // Node 20 reports a test file whose process ended with status 0 before it reported any test as one
      // passing "test" named after the file: that is not a test, and a file that ran none did not pass.
      const message = 'the test file reported no tests: its process ended with status 0 before reporting any (an early process.exit?)';
      if (!reported.has(file)) writeEvent({ type: 'error', file, error: { message } });
      continue;
    }
    reported.add(file);
    const status = data.skip || data.todo ? 'skipped' : failed ? 'failed' : 'passed';
    writeEvent({
      type: 'result',
      file,
      titles: [...path.slice(0, data.nesting), data.name],
      status,
      ...(typeof details.duration_ms === 'number' ? { durationMs: details.duration_ms } : {}),
      ...(status === 'failed' ? { error: failureOf(details.error) } : {}),
    });
  }
}
