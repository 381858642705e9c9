// @ts-check
// A `node --test` custom reporter (Node ≥ 20): an async generator over the runner's events. It yields nothing;
// it appends test events to the events file. Full names come from the nesting of `test:start` events, which
// Node emits in definition order; suites (`details.type === 'suite'`) are not tests. A file that fails to load
// (a missing import, a syntax error) comes as a failing top-level "test" named after the file, with no line.
import { toError, writeEvent } from '../../core/runtime/write-event.mjs';

/** @typedef {import('../../core/runtime/write-event.mjs').ReportedError} ReportedError */
/** @typedef {{ error?: { failureType?: string, code?: string, cause?: unknown }, type?: string, duration_ms?: number }} Details */
/** @typedef {{ file?: string, name: string, nesting: number, line?: number, skip?: unknown, todo?: unknown, details?: Details }} EventData */

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
  for await (const event of source) {
    const data = event.data;
    if (!data) continue;
    const file = data.file ?? '';
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
      writeEvent({ type: 'error', file, error: failureOf(details.error) });
      continue;
    }
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
