import type { TestReport, TestResult } from '../runner/types.js';
import { testKey } from '../runner/types.js';
import { scoreReport } from './types.js';

export type Comparison =
  | { readonly verdict: 'green' | 'improved' }
  | { readonly verdict: 'no-improvement' }
  | { readonly verdict: 'regressed'; readonly regressions: readonly TestResult[] };

/**
 * Compares a candidate's full report with the best state's. A candidate is kept only when no test that
 * passed before fails now and strictly more tests pass. Pure.
 */
export function compareReports(best: TestReport, candidate: TestReport): Comparison {
  const passedBefore = new Set(best.results.filter((r) => r.status === 'passed').map((r) => testKey(r.id)));
  const regressions = candidate.results.filter((r) => passedBefore.has(testKey(r.id)) && (r.status === 'failed' || r.status === 'timeout'));
  if (candidate.status === 'error' && candidate.results.length === 0) return { verdict: 'no-improvement' };
  if (regressions.length > 0) return { verdict: 'regressed', regressions };
  const before = scoreReport(best);
  const after = scoreReport(candidate);
  if (after.total > 0 && after.failed === 0 && after.passed >= before.passed) return { verdict: 'green' };
  return after.passed > before.passed ? { verdict: 'improved' } : { verdict: 'no-improvement' };
}

/** Replaces the results of re-run tests inside a full report, keeping the others. Pure. */
export function mergeResults(full: TestReport, subset: TestReport): TestResult[] {
  const fresh = new Map(subset.results.map((r) => [testKey(r.id), r]));
  return full.results.map((r) => fresh.get(testKey(r.id)) ?? r);
}
