// @ts-check
// The reporter vitest loads in its main process, beside its default one. Vitest ≥ 3 reports through the
// test-module hooks (`onTestCaseResult`, `onTestModuleEnd`, …); vitest 1 and 2 only through `onCollected`,
// `onTaskUpdate` and `onFinished(files, errors)`, with a file's collection errors in `file.result.errors`.
// Vitest 3 calls both sets, so the major (`REDGREEN_VITEST_MAJOR`) picks one.
//
// It also adds the worker-side setup file to every project: a synchronous hang in a worker stops vitest's
// throttled task updates before they reach the main process, and only the worker knows which tests finished.
import { toError, writeEvent } from '../../core/runtime/write-event.mjs';

const setupFile = process.env.REDGREEN_VITEST_SETUP;
const major = Number(process.env.REDGREEN_VITEST_MAJOR ?? '4');

/** @typedef {{ id: string, name: string, type: string, mode?: string, suite?: LegacyTask, file?: LegacyTask, filepath?: string, tasks?: LegacyTask[], result?: { state?: string, duration?: number, errors?: unknown[] } }} LegacyTask */
/** @typedef {{ type: string, name: string, parent: TestNode }} TestNode */
/** @typedef {TestNode & { id: string, module: { moduleId: string }, result(): { state: string, errors?: unknown[] }, diagnostic(): { duration?: number } | undefined }} TestCase */
/** @typedef {{ moduleId: string, children: { allTests(): Iterable<TestCase> }, errors(): unknown[] }} TestModule */
/** @typedef {{ projects?: { config?: { setupFiles?: string[] } }[], config?: { setupFiles?: string[] }, state?: { idMap?: Map<string, LegacyTask> } }} VitestContext */

/** @type {Record<string, 'passed' | 'failed' | 'skipped'>} */
const statuses = {
  passed: 'passed',
  pass: 'passed',
  failed: 'failed',
  fail: 'failed',
  skipped: 'skipped',
  skip: 'skipped',
  todo: 'skipped',
  pending: 'skipped',
};

/** @param {VitestContext} vitest */
function addSetupFile(vitest) {
  if (!setupFile) return;
  const configs = vitest.projects?.length ? vitest.projects.map((project) => project.config) : [vitest.config];
  for (const config of configs) {
    const files = config?.setupFiles;
    if (Array.isArray(files) && !files.includes(setupFile)) files.push(setupFile);
  }
}

/**
 * @param {TestNode} testCase
 * @returns {string[]}
 */
function caseTitles(testCase) {
  const names = [];
  for (let current = testCase; current && current.type !== 'module'; current = current.parent) names.unshift(current.name);
  return names;
}

/** Vitest ≥ 3: the test-module hooks. */
class ModuleReporter {
  /** @param {VitestContext} vitest */
  onInit(vitest) {
    addSetupFile(vitest);
  }

  /** @param {TestModule} testModule */
  onTestModuleCollected(testModule) {
    for (const testCase of testModule.children.allTests())
      writeEvent({ type: 'collected', file: testModule.moduleId, titles: caseTitles(testCase), id: testCase.id });
  }

  /** @param {TestCase} testCase */
  onTestCaseReady(testCase) {
    writeEvent({ type: 'start', file: testCase.module.moduleId, titles: caseTitles(testCase), id: testCase.id });
  }

  /** @param {TestCase} testCase */
  onTestCaseResult(testCase) {
    const result = testCase.result();
    const duration = testCase.diagnostic()?.duration;
    const error = result.errors?.[0];
    writeEvent({
      type: 'result',
      file: testCase.module.moduleId,
      titles: caseTitles(testCase),
      id: testCase.id,
      status: statuses[result.state] ?? 'skipped',
      ...(typeof duration === 'number' ? { durationMs: duration } : {}),
      ...(error === undefined ? {} : { error: toError(error) }),
    });
  }

  /** @type {Set<string>} modules whose errors are reported */
  ended = new Set();

  /** @param {TestModule} testModule */
  onTestModuleEnd(testModule) {
    this.ended.add(testModule.moduleId);
    for (const error of testModule.errors()) writeEvent({ type: 'error', file: testModule.moduleId, error: toError(error) });
  }

  /**
   * Vitest 3 does not end a module that failed to collect: its errors come with the run's end.
   * @param {readonly TestModule[] | undefined} modules
   * @param {readonly unknown[] | undefined} unhandledErrors
   */
  onTestRunEnd(modules, unhandledErrors) {
    for (const testModule of modules ?? []) if (!this.ended.has(testModule.moduleId)) this.onTestModuleEnd(testModule);
    for (const error of unhandledErrors ?? []) writeEvent({ type: 'error', error: toError(error) });
  }
}

/**
 * @param {LegacyTask} task
 * @returns {string[]}
 */
function taskTitles(task) {
  const names = [task.name];
  // vitest 1 puts a file's top-level tests in an unnamed suite of its own
  for (let current = task.suite; current && current !== task.file && current.type !== 'file'; current = current.suite)
    if (current.name !== '') names.unshift(current.name);
  return names;
}

/**
 * @param {LegacyTask} task
 * @returns {LegacyTask[]}
 */
function testsOf(task) {
  return task.tasks ? task.tasks.flatMap(testsOf) : [task];
}

/** Vitest 1 and 2: task packs while the run goes, the file tree at the end. */
class TaskReporter {
  /** @type {VitestContext | undefined} */
  vitest = undefined;
  /** @type {Set<string>} */
  reported = new Set();

  /** @param {VitestContext} vitest */
  onInit(vitest) {
    this.vitest = vitest;
    addSetupFile(vitest);
  }

  /** @param {LegacyTask[] | undefined} files */
  onCollected(files) {
    for (const file of files ?? [])
      for (const test of testsOf(file)) writeEvent({ type: 'collected', file: String(file.filepath), titles: taskTitles(test), id: test.id });
  }

  /** @param {[string, LegacyTask['result']][]} packs */
  onTaskUpdate(packs) {
    for (const [id, result] of packs) {
      const task = this.vitest?.state?.idMap?.get(id);
      if (task && !task.tasks && result && statuses[String(result.state)]) this.report(task, result);
    }
  }

  /**
   * @param {LegacyTask[] | undefined} files
   * @param {readonly unknown[] | undefined} errors
   */
  onFinished(files, errors) {
    for (const file of files ?? []) {
      for (const error of file.result?.errors ?? []) writeEvent({ type: 'error', file: String(file.filepath), error: toError(error) });
      for (const test of testsOf(file))
        if (test !== file) this.report(test, test.result ?? { state: test.mode === 'skip' || test.mode === 'todo' ? 'skip' : undefined });
    }
    for (const error of errors ?? []) writeEvent({ type: 'error', error: toError(error) });
  }

  /**
   * @param {LegacyTask} task
   * @param {LegacyTask['result']} result
   */
  report(task, result) {
    const status = statuses[String(result?.state)];
    if (!status || this.reported.has(task.id)) return;
    this.reported.add(task.id);
    const error = result?.errors?.[0];
    writeEvent({
      type: 'result',
      file: String(task.file?.filepath),
      titles: taskTitles(task),
      id: task.id,
      status,
      ...(typeof result?.duration === 'number' ? { durationMs: result.duration } : {}),
      ...(error === undefined ? {} : { error: toError(error) }),
    });
  }
}

export default major >= 3 ? ModuleReporter : TaskReporter;
