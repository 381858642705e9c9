// @ts-check
// Runs inside the test process (a framework's reporter or worker), not in redgreen: plain ESM, no dependencies.
import { appendFileSync } from 'node:fs';

/** @typedef {import('../runner-events.js').RunnerEvent} RunnerEvent */
/** @typedef {import('../runner-events.js').ReportedError} ReportedError */

const eventsFile = process.env.REDGREEN_EVENTS_FILE;

/**
 * @param {unknown} value
 * @returns {string | undefined}
 */
function text(value) {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The error details redgreen reads from a framework's failure object: jest's `matcherResult` or the error's
 * own `expected`/`actual` (vitest, chai, node:assert).
 * @param {unknown} error
 * @returns {ReportedError}
 */
export function toError(error) {
  if (error === null || typeof error !== 'object') return { message: String(error) };
  /** @type {Record<string, unknown>} */
  const fields = /** @type {Record<string, unknown>} */ (error);
  const matcher = fields.matcherResult;
  /** @type {Record<string, unknown>} */
  const source = matcher !== null && typeof matcher === 'object' ? /** @type {Record<string, unknown>} */ (matcher) : fields;
  /** @type {{ message: string, stack?: string, diff?: string, expected?: string, actual?: string }} */
  const result = { message: String(fields.message ?? error) };
  if (typeof fields.stack === 'string') result.stack = fields.stack;
  if (typeof fields.diff === 'string') result.diff = fields.diff;
  if ('expected' in source || 'actual' in source) {
    const expected = text(source.expected);
    const actual = text(source.actual);
    if (expected !== undefined) result.expected = expected;
    if (actual !== undefined) result.actual = actual;
  }
  return result;
}

/**
 * Appends one event to the events file synchronously, so it survives a SIGKILL of the run.
 * @param {RunnerEvent} event
 */
export function writeEvent(event) {
  if (!eventsFile) return;
  try {
    appendFileSync(eventsFile, `${JSON.stringify(event)}\n`);
  } catch {
    // the run dir is gone: the run was already abandoned
  }
}
