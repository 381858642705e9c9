// @ts-check
// The warm session's host: a Node process the parent forks in its own process group. It loads the project's
// own vitest once (`createVitest` from the URL in its config), keeps it warm and runs spec lists on request, one
// spec per (candidate, test file), the candidate carried in the module id's query. A looping candidate can only
// block a worker; the parent's watchdog kills the whole group. Messages are host-protocol.ts's.
import { toError } from '../../core/runtime/write-event.mjs';
import { createLegacyDriver } from './legacy-vitest.mjs';

/** @typedef {import('../host-protocol.js').VitestHostConfig} VitestHostConfig */
/** @typedef {import('../host-protocol.js').HostRequest} HostRequest */
/** @typedef {import('../host-protocol.js').HostReply} HostReply */
/** @typedef {import('../host-protocol.js').HostSpec} HostSpec */
/** @typedef {import('../host-protocol.js').HostTestResult} HostTestResult */
/** @typedef {Extract<HostReply, { type: 'result' }>['errors'][number]} HostFileError */
/** @typedef {Extract<HostRequest, { type: 'run' }>} RunRequest */
/** @typedef {{ type: string, name: string, parent: TestNode }} TestNode */
/** @typedef {TestNode & { result(): { state: string, errors?: unknown[] }, diagnostic(): { duration?: number } | undefined, meta(): Record<string, unknown> }} TestCase */
/** @typedef {{ moduleId: string, children: { allTests(): Iterable<TestCase> }, errors(): unknown[] }} TestModule */
/** @typedef {{ moduleId: string, project: Project }} Specification */
/** @typedef {{ config: { setupFiles: string[], pool: string, isolate: boolean }, matchesTestGlob(file: string): boolean, createSpecification(moduleId: string, options?: unknown): Specification }} Project */
/**
 * @typedef {object} Vitest
 * @property {Project[]} projects
 * @property {() => Project} getRootProject
 * @property {(key: string, value: unknown) => void} provide
 * @property {() => Promise<Specification[]>} globTestSpecifications
 * @property {(specs: Specification[]) => Promise<{ testModules: TestModule[], unhandledErrors?: unknown[] }>} runTestSpecifications
 * @property {(file: string) => void} invalidateFile
 * @property {(pattern: RegExp | undefined) => void} [setGlobalTestNamePattern]
 * @property {{ filesMap?: Map<string, unknown> }} state
 * @property {() => Promise<void>} close
 */

const config = /** @type {VitestHostConfig} */ (JSON.parse(String(process.env.REDGREEN_HARNESS)));
/** @param {HostReply} message */
const send = (message) => process.send?.(message);

/** @returns {Promise<Vitest | undefined>} */
async function start() {
  try {
    const { createVitest } = await import(config.vitestNodeUrl);
    /** @type {Vitest} */
    const vitest = await createVitest('test', {
      root: config.root,
      watch: false,
      reporters: [{}],
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
    return vitest;
  } catch (error) {
    send({ type: 'fatal', message: String(/** @type {Error} */ (error)?.stack ?? error) });
    setTimeout(() => process.exit(1), 100);
    return undefined;
  }
}

const vitest = await start();
/** Vitest 1 and 2 are driven through the APIs of their era. */
const legacy =
  vitest && config.major < 3 ? createLegacyDriver(/** @type {import('./legacy-vitest.mjs').LegacyVitest} */ (/** @type {unknown} */ (vitest))) : undefined;

/** @param {string} file */
function projectFor(file) {
  if (!vitest) throw new Error('vitest did not start');
  for (const project of vitest.projects) {
    try {
      if (project.matchesTestGlob(file)) return project;
    } catch {
      // a project whose globs cannot tell: try the next
    }
  }
  return vitest.getRootProject();
}

/**
 * @param {TestNode} testCase
 * @returns {string[]}
 */
function titles(testCase) {
  const names = [];
  for (let current = testCase; current && current.type !== 'module'; current = current.parent) names.unshift(current.name);
  return names;
}

/** @param {string} moduleId */
function split(moduleId) {
  const [file = moduleId, query = ''] = moduleId.split('?');
  const match = /(?:^|&)rg=(\d+)/.exec(query);
  return { file, active: match ? Number(match[1]) : 0 };
}

/**
 * The specs of one vitest run. Vitest 4 takes the candidate in each spec's module id (`x.test.ts?rg=3`) and
 * filters each spec by its own name pattern. Vitest 3 reads a test file by its module id before running it (an
 * id with a query is no file there) and takes test lines, not options, beside it: it gets plain module ids,
 * one run per candidate (see `run`), and the union of the specs' patterns for the whole run; the parent keeps
 * only the tests it asked for.
 * @param {Vitest} running
 * @param {readonly HostSpec[] | 'all'} specs
 * @returns {Promise<Specification[]>}
 */
async function specsOf(running, specs) {
  const query = (/** @type {number} */ active) => (config.major >= 4 ? `?rg=${active}` : '');
  if (specs === 'all') {
    running.setGlobalTestNamePattern?.(undefined);
    return (await running.globTestSpecifications()).map((spec) => spec.project.createSpecification(`${spec.moduleId}${query(0)}`));
  }
  if (config.major >= 4) {
    return specs.map((spec) =>
      projectFor(spec.file).createSpecification(`${spec.file}${query(spec.active)}`, spec.pattern ? { testNamePattern: new RegExp(spec.pattern) } : undefined),
    );
  }
  running.setGlobalTestNamePattern?.(unionPattern(specs));
  return specs.map((spec) => projectFor(spec.file).createSpecification(spec.file));
}

/**
 * One name pattern for specs run together (vitest ≤ 3 has one per run): any of theirs, or none when one has none.
 * @param {readonly HostSpec[]} specs
 */
function unionPattern(specs) {
  const patterns = specs.map((spec) => spec.pattern);
  return patterns.every((pattern) => pattern !== undefined) ? new RegExp(patterns.map((pattern) => `(?:${pattern})`).join('|')) : undefined;
}

/** @type {Record<string, HostTestResult['state']>} */
const states = { passed: 'passed', failed: 'failed' };

/**
 * Runs the specs once and reads the results of their modules; `active` is the candidate of every spec when the
 * module ids do not carry it.
 * @param {Vitest} running
 * @param {readonly HostSpec[] | 'all'} requested
 * @param {number | undefined} active
 * @returns {Promise<{ tests: HostTestResult[], errors: HostFileError[] }>}
 */
async function runOnce(running, requested, active) {
  const specs = await specsOf(running, requested);
  // results of earlier runs stay in vitest's state; keep only this run's modules (and let the old ones go)
  running.state.filesMap?.clear();
  const ids = new Set(specs.map((spec) => spec.moduleId));
  const result = await running.runTestSpecifications(specs);
  /** @type {HostTestResult[]} */
  const tests = [];
  /** @type {HostFileError[]} */
  const errors = [];
  for (const module of result.testModules) {
    if (!ids.has(module.moduleId)) continue;
    const { file, active: fromId } = split(module.moduleId);
    const candidate = active ?? fromId;
    for (const error of module.errors()) errors.push({ active: candidate, file, error: toError(error) });
    for (const testCase of module.children.allTests()) {
      const outcome = testCase.result();
      const state = states[outcome.state] ?? 'skipped';
      const error = state === 'failed' ? outcome.errors?.[0] : undefined;
      const coverage = testCase.meta().redgreenCoverage;
      tests.push({
        active: candidate,
        file,
        titles: titles(testCase),
        state,
        durationMs: testCase.diagnostic()?.duration ?? 0,
        ...(error === undefined ? {} : { error: toError(error) }),
        ...(Array.isArray(coverage) ? { coverage } : {}),
      });
    }
  }
  for (const error of result.unhandledErrors ?? []) errors.push({ error: toError(error) });
  return { tests, errors };
}

/**
 * @param {Vitest} running
 * @param {RunRequest} request
 */
async function run(running, request) {
  for (const project of running.projects) project.config.isolate = request.isolate;
  const provide = (/** @type {unknown} */ value) => (legacy ? legacy.provide('redgreen', value) : running.provide('redgreen', value));
  provide(request.provided);
  if (config.major >= 4) return runOnce(running, request.specs, undefined);
  if (request.specs === 'all') return legacy ? legacy.run('all', undefined, 0) : runOnce(running, 'all', 0);
  // one run per candidate, switched on for the whole run through the provided settings
  /** @type {Map<number, HostSpec[]>} */
  const byCandidate = new Map();
  for (const spec of request.specs) byCandidate.set(spec.active, [...(byCandidate.get(spec.active) ?? []), spec]);
  const merged = { tests: /** @type {HostTestResult[]} */ ([]), errors: /** @type {HostFileError[]} */ ([]) };
  for (const [active, specs] of byCandidate) {
    provide({ ...request.provided, active });
    const { tests, errors } = legacy
      ? await legacy.run(
          specs.map((spec) => spec.file),
          unionPattern(specs),
          active,
        )
      : await runOnce(running, specs, active);
    merged.tests.push(...tests);
    merged.errors.push(...errors);
  }
  return merged;
}

/**
 * @param {Vitest} running
 * @param {HostRequest} request
 */
async function answer(running, request) {
  try {
    if (request.type === 'invalidate') {
      for (const file of request.files) {
        if (legacy) legacy.invalidate(file);
        else running.invalidateFile(file);
      }
      send({ type: 'done', seq: request.seq });
    } else if (request.type === 'run') {
      send({ type: 'result', seq: request.seq, ...(await run(running, request)) });
    } else if (request.type === 'close') {
      await running.close();
      send({ type: 'done', seq: request.seq });
      process.exit(0);
    }
  } catch (error) {
    send({ type: 'failed', seq: request.seq, message: String(/** @type {Error} */ (error)?.stack ?? error) });
  }
}

if (vitest) {
  let queue = Promise.resolve();
  process.on('message', (/** @type {HostRequest} */ request) => {
    queue = queue.then(() => answer(vitest, request));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
