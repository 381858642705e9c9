import type { TestReport } from '../runner/types.js';
import { testKey } from '../runner/types.js';
import { mergeResults } from './compare.js';
import type { RunContext } from './run-context.js';
import { failingResults } from './types.js';

export interface Verification {
  /** The candidate's report: a full run when the failing tests improved, else the best report with the re-run results merged in. */
  readonly report: TestReport;
  /** Whether the whole goal suite ran. */
  readonly full: boolean;
}

/**
 * Re-runs the failing tests first; only when at least one of them now passes does the whole goal suite run,
 * to rule out regressions. A candidate that fixes none of the failing tests cannot beat the best state, so the
 * full run would be wasted.
 */
export async function verify(ctx: RunContext, best: TestReport): Promise<Verification> {
  const failing = failingResults(best).map((r) => r.id);
  const subset = await ctx.runner.run(ctx.sandbox.root, { tests: failing, timeoutMs: ctx.options.testTimeoutMs, signal: ctx.signal });
  const wanted = new Set(failing.map(testKey));
  const fixedAny = subset.results.some((r) => wanted.has(testKey(r.id)) && r.status === 'passed');
  if (!fixedAny) {
    const merged: TestReport = { ...best, ...subset, results: mergeResults(best, subset) };
    return { report: merged, full: false };
  }
  const full = await ctx.runner.run(ctx.sandbox.root, { files: ctx.options.testFiles, timeoutMs: ctx.options.testTimeoutMs, signal: ctx.signal });
  return { report: full, full: true };
}
