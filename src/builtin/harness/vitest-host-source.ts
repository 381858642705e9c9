import { writeEventSource } from '../../runner/core/runner-events.js';

/** Start-up settings the parent passes to the host in `REDGREEN_HARNESS` (JSON). */
export interface VitestHostConfig {
  /** file: URL of the project's own `vitest/node` entry. */
  readonly vitestNodeUrl: string;
  readonly root: string;
  readonly setupFile: string;
  readonly testTimeoutMs: number;
  readonly pool: string;
  readonly maxWorkers: number;
}

/** One spec: a test file run with one candidate switched on, optionally only the tests matching `pattern`. */
export interface HostSpec {
  readonly active: number;
  /** Absolute path of the test file. */
  readonly file: string;
  readonly pattern?: string;
}

export type HostRequest =
  | { readonly type: 'invalidate'; readonly seq: number; readonly files: readonly string[] }
  | { readonly type: 'run'; readonly seq: number; readonly specs: readonly HostSpec[] | 'all'; readonly provided: unknown; readonly isolate: boolean }
  | { readonly type: 'close'; readonly seq: number };

export interface HostError {
  readonly message: string;
  readonly stack?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly diff?: string;
}

export interface HostTestResult {
  readonly active: number;
  readonly file: string;
  readonly titles: readonly string[];
  readonly state: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  readonly error?: HostError;
  readonly coverage?: readonly number[];
}

export type HostReply =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'done'; readonly seq: number }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string }
  | {
      readonly type: 'result';
      readonly seq: number;
      readonly tests: readonly HostTestResult[];
      /** Errors outside tests: a test file that throws at import, an unhandled rejection. */
      readonly errors: readonly { readonly active?: number; readonly file?: string; readonly error: HostError }[];
    };

/**
 * The session host: a Node process the parent forks in its own process group. It loads the project's own
 * vitest once (`createVitest`), keeps it warm and runs spec lists on request, one spec per (candidate, test
 * file), the candidate carried in the module id's query. A looping candidate can only block a worker; the
 * parent's watchdog kills the whole group.
 */
export const vitestHostSource = `${writeEventSource}
const config = JSON.parse(process.env.REDGREEN_HARNESS);
const send = (message) => process.send?.(message);
const silentReporter = {};
let vitest;
try {
  const { createVitest } = await import(config.vitestNodeUrl);
  vitest = await createVitest('test', {
    root: config.root,
    watch: false,
    reporters: [silentReporter],
    coverage: { enabled: false },
    pool: config.pool,
    maxWorkers: config.maxWorkers,
    isolate: false,
    testTimeout: config.testTimeoutMs,
    hookTimeout: config.testTimeoutMs,
    bail: 0,
    passWithNoTests: true,
  });
  for (const project of vitest.projects) {
    project.config.setupFiles = [config.setupFile, ...project.config.setupFiles];
    project.config.pool = config.pool;
    project.config.isolate = false;
  }
} catch (error) {
  send({ type: 'fatal', message: String(error?.stack ?? error) });
  setTimeout(() => process.exit(1), 100);
}
function projectFor(file) {
  for (const project of vitest.projects) {
    try { if (project.matchesTestGlob(file)) return project; } catch {}
  }
  return vitest.getRootProject();
}
function titles(testCase) {
  const names = [];
  for (let current = testCase; current && current.type !== 'module'; current = current.parent) names.unshift(current.name);
  return names;
}
function split(moduleId) {
  const [file, query = ''] = moduleId.split('?');
  const match = /(?:^|&)rg=(\\d+)/.exec(query);
  return { file, active: match ? Number(match[1]) : 0 };
}
const states = { passed: 'passed', failed: 'failed' };
async function run(request) {
  vitest.provide('redgreen', request.provided);
  for (const project of vitest.projects) project.config.isolate = request.isolate;
  let specs;
  if (request.specs === 'all') {
    specs = (await vitest.globTestSpecifications()).map((spec) => spec.project.createSpecification(spec.moduleId + '?rg=0'));
  } else {
    specs = request.specs.map((spec) => projectFor(spec.file).createSpecification(spec.file + '?rg=' + spec.active, spec.pattern ? { testNamePattern: new RegExp(spec.pattern) } : undefined));
  }
  // results of earlier runs stay in vitest's state; keep only this run's modules (and let the old ones go)
  vitest.state.filesMap?.clear?.();
  const requested = new Set(specs.map((spec) => spec.moduleId));
  const result = await vitest.runTestSpecifications(specs);
  const tests = [];
  const errors = [];
  for (const module of result.testModules) {
    if (!requested.has(module.moduleId)) continue;
    const { file, active } = split(module.moduleId);
    for (const error of module.errors()) errors.push({ active, file, error: toError(error) });
    for (const testCase of module.children.allTests()) {
      const outcome = testCase.result();
      const state = states[outcome.state] ?? 'skipped';
      const entry = { active, file, titles: titles(testCase), state, durationMs: testCase.diagnostic()?.duration ?? 0 };
      if (state === 'failed' && outcome.errors?.length) entry.error = toError(outcome.errors[0]);
      const coverage = testCase.meta().redgreenCoverage;
      if (Array.isArray(coverage)) entry.coverage = coverage;
      tests.push(entry);
    }
  }
  for (const error of result.unhandledErrors ?? []) errors.push({ error: toError(error) });
  return { tests, errors };
}
let queue = Promise.resolve();
process.on('message', (request) => {
  queue = queue.then(async () => {
    try {
      if (request.type === 'invalidate') {
        for (const file of request.files) vitest.invalidateFile(file);
        send({ type: 'done', seq: request.seq });
      } else if (request.type === 'run') {
        send({ type: 'result', seq: request.seq, ...(await run(request)) });
      } else if (request.type === 'close') {
        await vitest.close();
        send({ type: 'done', seq: request.seq });
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'failed', seq: request.seq, message: String(error?.stack ?? error) });
    }
  });
});
process.on('disconnect', () => process.exit(0));
if (vitest) send({ type: 'ready' });
`;
