import type { RunContext } from './run-context.js';
import type { TestReport } from '../runner/types.js';
import { ConfigError, RunnerError } from '../errors.js';

/** Runs the goal tests once on the untouched sandbox: the state every step is measured against. */
export async function runBaseline(ctx: RunContext): Promise<TestReport> {
  const report = await ctx.runner.run(ctx.sandbox.root, { files: ctx.options.testFiles, timeoutMs: ctx.options.testTimeoutMs, signal: ctx.signal });
  if (report.status === 'error' && report.results.length === 0) {
    throw new RunnerError(`the ${report.runner} run on the unchanged project failed before any test ran: ${report.message}\n${report.output}`.trim());
  }
  if (report.results.length === 0) {
    throw new ConfigError(`the ${report.runner} run found no tests${ctx.options.testFiles ? ` in ${ctx.options.testFiles.join(', ')}` : ''}; check --tests or --runner`);
  }
  return report;
}
