// @ts-check
// Runs inside the project's test process: appends redgreen's runner events (see core/runner-events.ts) to
// REDGREEN_EVENTS_FILE, one JSON line each, synchronously, so a run killed for a hang still tells what finished.
import { writeEvent } from '../../core/runtime/write-event.mjs';

export { writeEvent };

/**
 * The reported form of a thrown value; `expected`/`actual` of an assertion error (chai, node:assert) are
 * rendered with `stringify`, the project's mocha's own, so they read as mocha's diff does.
 * @param {unknown} error
 * @param {(value: unknown) => string} stringify
 * @returns {{ message: string, stack?: string, expected?: string, actual?: string }}
 */
export function toError(error, stringify) {
  if (error === null || typeof error !== 'object') return { message: String(error) };
  const source = /** @type {{ message?: unknown, stack?: unknown, expected?: unknown, actual?: unknown, showDiff?: unknown }} */ (error);
  /** @type {{ message: string, stack?: string, expected?: string, actual?: string }} */
  const result = { message: String(source.message ?? error) };
  if (typeof source.stack === 'string') result.stack = source.stack;
  if (source.showDiff !== false && ('expected' in source || 'actual' in source)) {
    result.expected = text(source.expected, stringify);
    result.actual = text(source.actual, stringify);
  }
  return result;
}

/**
 * @param {unknown} value
 * @param {(value: unknown) => string} stringify
 */
function text(value, stringify) {
  if (typeof value === 'string') return value;
  try {
    return stringify(value);
  } catch {
    return String(value);
  }
}
