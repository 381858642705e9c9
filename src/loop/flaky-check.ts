import type { TestReport, TestResult } from '../core/test-report.js';
import { isLoadFailure, isRunFailure, testKey } from '../core/test-report.js';
import { compareReports } from './compare.js';
import type { FlakyTest } from './flaky-tests.js';
import { isRerunnable, rerunTests } from './rerun-tests.js';
import type { RunContext } from './run-context.js';
import { failingResults } from '../core/attempts.js';

/** Re-runs of a test whose outcome flipped, unless the run says otherwise. */
export const defaultFlakyReruns = 2;

/**
 * Re-runs the failing goal tests of the baseline (only those, all in one run each time) `times` times: a test
 * that passes in any re-run is flaky.
 */
export async function findFlakyAtBaseline(ctx: RunContext, baseline: TestReport, times: number): Promise<FlakyTest[]> {
  const failing = failingResults(baseline).filter(isRerunnable);
  if (failing.length === 0 || times === 0) return [];
  const tallies = await rerunTests(
    ctx,
    failing.map((r) => r.id),
    { times, settled: (tally) => tally.passes > 0 },
  );
  return [...tallies.values()].filter((t) => t.passes > 0).map((t) => ({ id: t.id, runs: t.runs + 1, passed: t.passes, step: 0 }));
}

/**
 * Before a candidate's flips count, re-runs the tests that flipped (only those): a goal it turned green must
 * pass every re-run, and a passing test it broke must fail every re-run, else the test is flaky and counts
 * neither for the candidate nor against it. Re-runs happen only when they can change the verdict: a candidate
 * that fixes nothing, or breaks a test beyond doubt (a hang, a file that stopped loading), is judged as it is.
 */
export async function recheckFlips(
  ctx: RunContext,
  best: TestReport,
  candidate: TestReport,
  options: { readonly times: number; readonly step: number },
): Promise<FlakyTest[]> {
  if (options.times === 0) return [];
  const before = new Map(best.results.map((r) => [testKey(r.id), r]));
  const turnedGreen = candidate.results.filter((r) => r.status === 'passed' && wasFailingGoal(before.get(testKey(r.id))));
  const turnedRed = candidate.results.filter((r) => isRerunnable(r) && before.get(testKey(r.id))?.status === 'passed');
  if (turnedGreen.length === 0 && turnedRed.length === 0) return [];
  const broken = new Set(turnedRed.map((r) => testKey(r.id)));
  const without = (report: TestReport): TestReport => ({ ...report, results: report.results.filter((r) => !broken.has(testKey(r.id))) });
  const verdict = compareReports(without(best), without(candidate)).verdict;
  if (verdict !== 'green' && verdict !== 'improved') return [];

  const green = new Set(turnedGreen.map((r) => testKey(r.id)));
  const tallies = await rerunTests(
    ctx,
    [...turnedGreen, ...turnedRed].map((r) => r.id),
    {
      times: options.times,
      settled: (t) => (green.has(testKey(t.id)) ? t.passes < t.runs : t.passes > 0),
    },
  );
  const flaky: FlakyTest[] = [];
  for (const tally of tallies.values()) {
    if (green.has(testKey(tally.id)) && tally.passes < tally.runs)
      flaky.push({ id: tally.id, runs: tally.runs + 1, passed: tally.passes + 1, step: options.step });
    if (!green.has(testKey(tally.id)) && tally.passes > 0) flaky.push({ id: tally.id, runs: tally.runs + 1, passed: tally.passes, step: options.step });
  }
  return flaky;
}

function wasFailingGoal(result: TestResult | undefined): boolean {
  return result !== undefined && (result.status === 'failed' || result.status === 'timeout') && !isLoadFailure(result.id) && !isRunFailure(result.id);
}
