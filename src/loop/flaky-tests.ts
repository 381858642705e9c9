import type { FlakyTest } from '../core/run-result.js';
import type { TestId, TestReport } from '../core/test-report.js';
import { displayName, testKey } from '../core/test-report.js';

/** The run's flaky tests, and the goal view of a report: the same report without them. */
export interface FlakyTests {
  has(id: TestId): boolean;
  /** Records tests found flaky; returns the ones not known before. */
  add(tests: readonly FlakyTest[]): FlakyTest[];
  list(): FlakyTest[];
  /** The report without the results of flaky tests: they count neither toward green nor against a change. */
  hide(report: TestReport): TestReport;
}

export function createFlakyTests(): FlakyTests {
  const known = new Map<string, FlakyTest>();
  return {
    has: (id) => known.has(testKey(id)),
    add(tests) {
      const fresh = tests.filter((test) => !known.has(testKey(test.id)));
      for (const test of fresh) known.set(testKey(test.id), test);
      return fresh;
    },
    list: () => [...known.values()],
    hide(report) {
      if (known.size === 0 || !report.results.some((r) => known.has(testKey(r.id)))) return report;
      return { ...report, results: report.results.filter((r) => !known.has(testKey(r.id))) };
    },
  };
}

/**
 * One line naming flaky tests and what that means for the run, e.g. "2 tests are flaky (passed 1 of 3 runs):
 * a > b, c > d — they are not goals of this run". Pure.
 */
export function describeFlaky(tests: readonly FlakyTest[]): string {
  const counts = new Set(tests.map((t) => `${t.passed} of ${t.runs}`));
  const shared = counts.size === 1 ? ` (passed ${[...counts][0] ?? ''} runs on the same code)` : '';
  const names = tests.map((t) => `${t.id.file} > ${displayName(t.id)}${shared === '' ? ` (passed ${t.passed} of ${t.runs} runs)` : ''}`);
  const one = tests.length === 1;
  return `${tests.length} test${one ? ' is' : 's are'} flaky${shared}: ${names.join(', ')} — ${one ? 'it is' : 'they are'} not ${one ? 'a goal' : 'goals'} of this run`;
}

export type { FlakyTest };
