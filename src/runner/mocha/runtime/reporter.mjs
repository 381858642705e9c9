// @ts-check
// The reporter the launcher gives the project's mocha: mocha's own spec output for the person reading the
// run, plus redgreen's events. Built from the project's Mocha object, so it extends that mocha's Spec.
import { toError, writeEvent } from './events.mjs';

/**
 * @typedef {{ title: string, file?: string, type: string, state?: string, duration?: number,
 *   parent?: MochaSuite, titlePath(): string[], fullTitle(): string }} MochaRunnable
 * @typedef {{ file?: string, tests: MochaRunnable[], suites: MochaSuite[] }} MochaSuite
 * @typedef {{ suite: MochaSuite, on(event: string, listener: (...args: any[]) => void): unknown }} MochaRunner
 * @typedef {{ reporterOption?: { matches?: (test: MochaRunnable) => boolean } }} ReporterOptions
 */

/**
 * The reporter class for the project's mocha: its Spec output plus `collected`/`start`/`result` events, and
 * hook failures turned into failures of the tests they made mocha skip.
 * @param {any} Mocha the project's Mocha export
 * @returns {new (runner: MochaRunner, options: ReporterOptions) => object}
 */
export function createReporter(Mocha) {
  const stringify = /** @type {(value: unknown) => string} */ (Mocha.utils.stringify);
  const events = Mocha.Runner.constants;
  return class RedgreenMochaReporter extends Mocha.reporters.Spec {
    /**
     * @param {MochaRunner} runner
     * @param {ReporterOptions} options
     */
    constructor(runner, options) {
      super(runner, options);
      const matches = options.reporterOption?.matches ?? (() => true);
      /** @type {WeakSet<MochaRunnable>} tests whose result is written, so a hook failure fails only the others */
      const done = new WeakSet();
      /**
       * @param {MochaRunnable} test
       * @param {'passed' | 'failed' | 'skipped'} status
       * @param {unknown} [error]
       */
      const result = (test, status, error) => {
        // one result per test: mocha's own failHookAffectedTests may fail a test this reporter already failed
        if (done.has(test)) return;
        done.add(test);
        const event = { type: /** @type {const} */ ('result'), file: test.file ?? '', titles: test.titlePath(), status, durationMs: test.duration ?? 0 };
        writeEvent(status === 'failed' ? { ...event, error: toError(error, stringify) } : event);
      };
      runner.on(events.EVENT_RUN_BEGIN, () => {
        for (const test of testsOf(runner.suite)) if (matches(test)) writeEvent({ type: 'collected', file: test.file ?? '', titles: test.titlePath() });
      });
      runner.on(events.EVENT_TEST_BEGIN, (/** @type {MochaRunnable} */ test) => writeEvent({ type: 'start', file: test.file ?? '', titles: test.titlePath() }));
      runner.on(events.EVENT_TEST_PASS, (/** @type {MochaRunnable} */ test) => result(test, 'passed'));
      runner.on(events.EVENT_TEST_PENDING, (/** @type {MochaRunnable} */ test) => result(test, 'skipped'));
      runner.on(events.EVENT_TEST_FAIL, (/** @type {MochaRunnable} */ runnable, /** @type {unknown} */ error) => {
        if (runnable.type !== 'hook') {
          if (runnable.file) result(runnable, 'failed', error);
          else writeEvent({ type: 'error', error: toError(error, stringify) });
          return;
        }
        // A failed hook makes mocha skip the rest of its suite: those tests fail with the hook's error instead
        // of vanishing. A test that already passed keeps its result; a hook that leaves nothing to fail
        // (after all, or afterEach on the last test) fails the file.
        const hookError = { ...toError(error, stringify) };
        hookError.message = `${runnable.title}: ${hookError.message}`;
        const affected = testsOf(runnable.parent).filter((test) => matches(test) && !done.has(test));
        for (const test of affected) result(test, 'failed', hookError);
        if (affected.length === 0) writeEvent({ type: 'error', ...fileOf(runnable), error: hookError });
      });
    }
  };
}

/**
 * Every test of a suite and its descendants, in definition order.
 * @param {MochaSuite | undefined} suite
 * @returns {MochaRunnable[]}
 */
function testsOf(suite) {
  if (!suite) return [];
  return [...suite.tests, ...suite.suites.flatMap(testsOf)];
}

/**
 * The file a hook belongs to, when its suite came from one (root hooks from a plugin do not).
 * @param {MochaRunnable} hook
 */
function fileOf(hook) {
  const file = hook.file ?? hook.parent?.file ?? testsOf(hook.parent)[0]?.file;
  return file ? { file } : {};
}
