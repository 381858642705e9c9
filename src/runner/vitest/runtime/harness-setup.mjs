// @ts-check
// The setup file the warm session puts first in every project. It runs in the worker before each test file,
// so module-level code of the file under test already sees the right candidate: the candidate id comes from
// the spec's module id, `…/x.test.ts?rg=<id>` (vitest 4), or from the provided settings (vitest 3), and the runtime's `tick()` counts calls per test to cut off
// loops, and tells when instrumented code ran at import. Coverage ids go to `task.meta` per test; ids hit while
// the file was imported count for every test of that file. The vitest values come from the project's own
// vitest (its entry URL in `REDGREEN_VITEST_URL`).
import { appendFileSync } from 'node:fs';

/** @typedef {import('../host-protocol.js').HarnessProvided} HarnessProvided */
/** @typedef {import('../../../core/instrumentation.js').RedgreenRuntime} RedgreenRuntime */
/** @typedef {{ name: string, suite?: HarnessTask, file?: unknown, filepath?: string, meta: Record<string, unknown>, result?: { state?: string } }} HarnessTask */
/** @typedef {{ task: HarnessTask, skip(): void }} HarnessContext */
/**
 * @typedef {object} ProjectVitest
 * @property {(listener: (context: HarnessContext) => void) => void} beforeEach
 * @property {(listener: (context: HarnessContext) => void) => void} afterEach
 * @property {{ getState(): { testPath?: string } }} expect
 * @property {(key: string) => unknown} inject
 */

const vitest = /** @type {ProjectVitest} */ (await import(String(process.env.REDGREEN_VITEST_URL)));
const options = /** @type {HarnessProvided} */ (vitest.inject('redgreen'));
const testPath = String(vitest.expect.getState().testPath ?? '');
const match = /[?&]rg=(\d+)/.exec(testPath);
const active = match ? Number(match[1]) : (options.active ?? 0);
const scope = /** @type {Record<string, Partial<RedgreenRuntime>>} */ (/** @type {unknown} */ (globalThis));
const runtime = scope[options.runtimeGlobal] ?? (scope[options.runtimeGlobal] = {});
/** @type {Set<number>} */
const imported = new Set();
let current = imported;
let hits = 0;
let exceeded = false;
let failed = false;
let importing = true;
let importTicks = 0;

runtime.active = active;
runtime.cov = options.coverage ? (/** @type {number} */ id) => void current.add(id) : () => {};
runtime.tick = () => {
  if (importing) importTicks++;
  if (active === 0) return;
  if (exceeded || ++hits > options.hitLimit) {
    exceeded = true;
    throw new Error(options.hitLimitMessage);
  }
};

/**
 * @param {HarnessTask} task
 * @returns {string[]}
 */
function titles(task) {
  const names = [task.name];
  // a file task carries `filepath`; vitest 1 puts a file's top-level tests in an unnamed suite of its own
  for (let suite = task.suite; suite && !('filepath' in suite); suite = suite.suite) if (suite.name !== '') names.unshift(suite.name);
  return names;
}

/**
 * @param {'start' | 'end' | 'import'} kind
 * @param {HarnessTask} task
 */
function event(kind, task) {
  try {
    appendFileSync(options.eventsFile, `${JSON.stringify({ kind, active, file: testPath, titles: titles(task), at: Date.now() })}\n`);
  } catch {
    // the session is gone
  }
}

vitest.beforeEach((context) => {
  if (importing) {
    importing = false;
    // instrumented functions ran while this file's modules loaded: their results may be cached for later files
    if (importTicks > 0) event('import', context.task);
  }
  hits = 0;
  exceeded = false;
  if (options.bail && failed) {
    context.skip();
    return;
  }
  current = new Set(imported);
  event('start', context.task);
});

vitest.afterEach((context) => {
  const task = context.task;
  if (task.result?.state === 'fail') failed = true;
  if (options.coverage) task.meta.redgreenCoverage = [...current];
  event('end', task);
});
