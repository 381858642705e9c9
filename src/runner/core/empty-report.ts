import type { TestReport } from '../../core/test-report.js';

/** The report of a run scoped to nothing: complete, no results, no process started. */
export function emptyReport(runner: string): TestReport {
  return { status: 'complete', runner, results: [], durationMs: 0, output: '' };
}
