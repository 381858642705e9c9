import { runtimeGlobal } from '../runtime.js';

/** The message a looping candidate's test fails with once `tick()` passes the hit limit. */
export const hitLimitMessage = 'redgreen: candidate exceeded the hit limit';

/** What the host provides to every worker (vitest `provide('redgreen', …)`). */
export interface HarnessProvided {
  readonly hitLimit: number;
  readonly coverage: boolean;
  readonly bail: boolean;
  /** The file the workers append start/end lines to, synchronously, so a killed run still tells who hung. */
  readonly eventsFile: string;
}

/**
 * The setup file the warm session adds first to every project. It runs in the worker before each test file
 * , so module-level code of the file under test already
 * sees the right candidate: the candidate id comes from the spec's module id, `…/x.test.ts?rg=<id>`, and the
 * runtime's `tick()` counts calls per test to cut off loops, and tells when instrumented code ran at import. Coverage ids go to `task.meta` per test; ids hit
 * while the file was imported count for every test of that file.
 */
export const harnessSetupSource = `import { afterEach, beforeEach, expect, inject } from 'vitest';
import { appendFileSync } from 'node:fs';
const options = inject('redgreen');
const testPath = String(expect.getState().testPath ?? '');
const match = /[?&]rg=(\\d+)/.exec(testPath);
const active = match ? Number(match[1]) : 0;
const runtime = globalThis.${runtimeGlobal} ?? (globalThis.${runtimeGlobal} = {});
const imported = new Set();
let current = imported;
let hits = 0;
let exceeded = false;
let failed = false;
let importing = true;
let importTicks = 0;
runtime.active = active;
runtime.cov = options.coverage ? (id) => { current.add(id); } : () => {};
runtime.tick = () => {
  if (importing) importTicks++;
  if (active === 0) return;
  if (exceeded || ++hits > options.hitLimit) {
    exceeded = true;
    throw new Error(${JSON.stringify(hitLimitMessage)});
  }
};
function titles(task) {
  const names = [];
  for (let current = task; current && current !== task.file; current = current.suite) names.unshift(current.name);
  return names;
}
function event(kind, task) {
  try { appendFileSync(options.eventsFile, JSON.stringify({ kind, active, file: testPath, titles: titles(task), at: Date.now() }) + '\\n'); } catch {}
}
beforeEach((context) => {
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
afterEach((context) => {
  const task = context.task;
  if (task.result?.state === 'fail') failed = true;
  if (options.coverage) task.meta.redgreenCoverage = [...current];
  event('end', task);
});
`;
