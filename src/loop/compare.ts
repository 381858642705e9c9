import type { TestReport, TestResult } from '../core/test-report.js';
import { isLoadFailure, testKey } from '../core/test-report.js';
import { scoreReport } from '../core/attempts.js';

export type Comparison =
  | { readonly verdict: 'green' | 'improved' }
  | { readonly verdict: 'no-improvement' }
  | { readonly verdict: 'regressed'; readonly regressions: readonly TestResult[] };

/**
 * Compares a candidate's full report with the best state's. A candidate is kept only when no test that
 * passed before fails now and strictly more tests pass. Pure.
 */
export function compareReports(best: TestReport, candidate: TestReport): Comparison {
  const present = new Map(candidate.results.map((r) => [testKey(r.id), r]));
  // A passing test that is missing from the candidate's run (its file no longer loads) broke just as surely.
  const regressions = best.results
    .filter((r) => r.status === 'passed')
    .map(
      (r) =>
        present.get(testKey(r.id)) ?? {
          ...r,
          status: 'failed' as const,
          failure: { message: 'this test no longer ran (its file failed to load)', frames: [], output: '' },
        },
    )
    .filter((r) => r.status === 'failed' || r.status === 'timeout');
  if (regressions.length > 0) return { verdict: 'regressed', regressions };
  // A run that newly failed as a whole proves nothing, whatever the tests it did report.
  if (candidate.status === 'error' && best.status !== 'error') return { verdict: 'no-improvement' };
  const before = scoreReport(best);
  const after = scoreReport(candidate);
  if (after.total > 0 && after.failed === 0 && after.passed >= before.passed) return { verdict: 'green' };
  // A test file that loads now is progress even before its tests pass: its tests can be worked on at last.
  const loadedMore = unloadedFiles(candidate) < unloadedFiles(best) && after.passed >= before.passed;
  return after.passed > before.passed || loadedMore ? { verdict: 'improved' } : { verdict: 'no-improvement' };
}

function unloadedFiles(report: TestReport): number {
  return report.results.filter((r) => isLoadFailure(r.id) && r.status !== 'passed').length;
}

/** Replaces the results of re-run tests inside a full report, keeping the others. Pure. */
export function mergeResults(full: TestReport, subset: TestReport): TestResult[] {
  const fresh = new Map(subset.results.map((r) => [testKey(r.id), r]));
  return full.results.map((r) => fresh.get(testKey(r.id)) ?? r);
}

/**
 * A candidate's full report with every failing goal of the best state that it no longer mentions put back as
 * failing: a goal does not pass by disappearing (a test process that exits early stops reporting). A load
 * failure is resolved only when tests of its file now report. Pure.
 */
export function withVanishedFailures(best: TestReport, candidate: TestReport): TestReport {
  const present = new Set(candidate.results.map((r) => testKey(r.id)));
  const reportedFiles = new Set(candidate.results.filter((r) => !isLoadFailure(r.id)).map((r) => r.id.file));
  const vanished = best.results
    .filter((r) => (r.status === 'failed' || r.status === 'timeout') && !present.has(testKey(r.id)))
    .filter((r) => !(isLoadFailure(r.id) && reportedFiles.has(r.id.file)))
    .map((r) => ({
      ...r,
      status: 'failed' as const,
      failure: {
        message: `no longer reported (the test process may have exited early): ${r.failure?.message.split('\n')[0] ?? r.status}`,
        frames: r.failure?.frames ?? [],
        output: '',
      },
    }));
  return vanished.length === 0 ? candidate : { ...candidate, results: [...candidate.results, ...vanished] };
}
