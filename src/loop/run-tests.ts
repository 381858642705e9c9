import type { TestId, TestReport } from '../core/test-report.js';
import type { RunContext } from './run-context.js';

/**
 * Runs goal tests in the sandbox with the run's limits: the whole goal suite, or only `tests` (which may
 * name load failures and the run failure; the runner widens those to whole files).
 */
export function runGoalTests(ctx: RunContext, tests?: readonly TestId[]): Promise<TestReport> {
  return ctx.runner.run(ctx.sandbox.root, {
    ...(tests ? { tests } : {}),
    ...(ctx.options.testFiles ? { files: ctx.options.testFiles } : {}),
    timeoutMs: ctx.options.testTimeoutMs,
    ...(ctx.options.hangTimeoutMs === undefined ? {} : { hangTimeoutMs: ctx.options.hangTimeoutMs }),
    signal: ctx.signal,
  });
}
