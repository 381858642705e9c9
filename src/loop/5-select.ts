import type { TestReport, TestResult } from '../core/test-report.js';
import { testKey } from '../core/test-report.js';
import type { Comparison } from './compare.js';
import { compareReports } from './compare.js';
import { failingResults } from '../core/attempts.js';

export interface Selection {
  readonly comparison: Comparison;
  /** Whether the candidate becomes the new best state. */
  readonly keep: boolean;
  /** What the next proposal should know about this candidate's test results. */
  readonly feedback: string[];
}

/** Keeps the candidate only when it beats the best state; explains the verdict for the next step. Pure. */
export function select(best: TestReport, candidate: TestReport): Selection {
  const comparison = compareReports(best, candidate);
  const keep = comparison.verdict === 'green' || comparison.verdict === 'improved';
  const feedback: string[] = [];
  if (comparison.verdict === 'regressed') {
    feedback.push(`reverted: the change broke ${comparison.regressions.length} passing test(s):`);
    feedback.push(...comparison.regressions.slice(0, 5).map(describe));
  } else if (comparison.verdict === 'no-improvement') {
    const before = new Map(failingResults(best).map((r) => [testKey(r.id), r.failure?.message ?? r.status]));
    const still = failingResults(candidate).filter((r) => before.has(testKey(r.id)));
    feedback.push(`reverted: no failing test was fixed.${candidate.status === 'error' ? ` The test run failed: ${candidate.message}` : ''}`);
    feedback.push(...still.slice(0, 5).map(describe));
  }
  return { comparison, keep, feedback };
}

function describe(result: TestResult): string {
  const message = (result.failure?.message ?? result.status).split('\n').slice(0, 6).join('\n    ');
  return `  - ${result.id.file} > ${result.id.name}: ${message}`;
}
