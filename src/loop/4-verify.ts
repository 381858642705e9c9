import type { TestReport } from '../core/test-report.js';
import { isLoadFailure, testKey } from '../core/test-report.js';
import { mergeResults, withVanishedFailures } from './compare.js';
import type { RunContext } from './run-context.js';
import { runGoalTests } from './run-tests.js';
import { failingResults } from '../core/attempts.js';

export interface Verification {
  /** The candidate's report: a full run when the failing tests improved, else the best report with the re-run results merged in. */
  readonly report: TestReport;
  /** Whether the whole goal suite ran. */
  readonly full: boolean;
}

/**
 * Re-runs the failing tests first; only when at least one of them now passes (or a test file that did not
 * load now loads) does the whole goal suite run, to rule out regressions. A candidate that fixes none of the
 * failing tests cannot beat the best state, so the full run would be wasted. `hide` takes the results of
 * flaky tests out of each run (see flaky-tests.ts).
 */
export async function verify(ctx: RunContext, best: TestReport, hide: (report: TestReport) => TestReport = (report) => report): Promise<Verification> {
  const failing = failingResults(best).map((r) => r.id);
  const subset = hide(await runGoalTests(ctx, failing));
  const wanted = new Set(failing.map(testKey));
  const present = new Set(subset.results.map((r) => testKey(r.id)));
  const fixedAny =
    subset.results.some((r) => wanted.has(testKey(r.id)) && r.status === 'passed') ||
    failing.some((id) => isLoadFailure(id) && !present.has(testKey(id)) && subset.results.some((r) => r.id.file === id.file));
  if (!fixedAny) {
    const merged: TestReport = { ...best, ...subset, results: mergeResults(best, subset) };
    return { report: merged, full: false };
  }
  const full = hide(await runGoalTests(ctx));
  return { report: withVanishedFailures(best, full), full: true };
}
