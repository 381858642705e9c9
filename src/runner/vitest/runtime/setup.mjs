// @ts-check
// The setup file vitest runs in its workers before each test file: it reports `start` and `result` as each
// test goes, synchronously, so a run killed for a hang still tells which tests finished. The hooks come from
// the project's own vitest (its entry URL in `REDGREEN_VITEST_URL`), never from redgreen's.
import { performance } from 'node:perf_hooks';
import { toError, writeEvent } from '../../core/runtime/write-event.mjs';

/** @typedef {{ id: string, name: string, suite?: WorkerTask, file: { filepath: string }, result?: { state?: string, errors?: unknown[] } }} WorkerTask */
/** @typedef {(listener: (context: { task: WorkerTask }) => void) => void} Hook */

const { afterEach, beforeEach } = /** @type {{ afterEach: Hook, beforeEach: Hook }} */ (await import(String(process.env.REDGREEN_VITEST_URL)));

/** @type {Map<string, number>} */
const startedAt = new Map();

/**
 * @param {WorkerTask} task
 * @returns {string[]}
 */
function titles(task) {
  const names = [task.name];
  // a file task carries `filepath`; vitest 1 puts a file's top-level tests in an unnamed suite of its own
  for (let current = task.suite; current && !('filepath' in current); current = current.suite) if (current.name !== '') names.unshift(current.name);
  return names;
}

beforeEach(({ task }) => {
  startedAt.set(task.id, performance.now());
  writeEvent({ type: 'start', file: task.file.filepath, titles: titles(task), id: task.id });
});

afterEach(({ task }) => {
  const failed = task.result?.state === 'fail';
  const error = failed ? task.result?.errors?.[0] : undefined;
  writeEvent({
    type: 'result',
    file: task.file.filepath,
    titles: titles(task),
    id: task.id,
    status: failed ? 'failed' : 'passed',
    durationMs: performance.now() - (startedAt.get(task.id) ?? performance.now()),
    ...(error === undefined ? {} : { error: toError(error) }),
  });
});
