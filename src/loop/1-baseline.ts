import { ConfigError } from '../core/errors.js';
import type { TestReport } from '../core/test-report.js';
import { isRunFailure } from '../core/test-report.js';
import type { RunContext } from './run-context.js';
import { runGoalTests } from './run-tests.js';

/**
 * Runs the goal tests once on the untouched sandbox: the state every step is measured against. A test file
 * that does not load is a failing goal like any failing test (the first step of TDD); a run that fails
 * before any test or test file is even seen cannot be repaired by editing code and is a setup problem.
 */
export async function runBaseline(ctx: RunContext): Promise<TestReport> {
  const report = await runGoalTests(ctx);
  const seen = report.results.filter((result) => !isRunFailure(result.id));
  if (seen.length === 0 && report.status !== 'timeout') {
    const scope = ctx.options.testFiles ? ` in ${ctx.options.testFiles.join(', ')}` : '';
    if (report.status === 'error') {
      throw new ConfigError(`the ${report.runner} run on the unchanged project failed before any test ran${scope}: ${report.message}\n${report.output}`.trim());
    }
    throw new ConfigError(`the ${report.runner} run found no tests${scope}; check --tests or --runner`);
  }
  return report;
}
