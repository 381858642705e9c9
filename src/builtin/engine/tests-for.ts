import type { TestId } from '../../runner/types.js';
import { testKey } from '../../runner/types.js';
import type { Candidate, CoverageMatrix, StatementSite } from '../types.js';

/**
 * Which tests can tell whether a candidate works: those that executed a statement its changes touch,
 * previously failing ones first (they decide fastest). Without coverage, every goal test, failing first.
 * A candidate no failing test reaches cannot fix anything: it gets no tests and is skipped. Pure.
 */
export function createTestSelector(options: {
  readonly sites: readonly StatementSite[];
  readonly matrix?: CoverageMatrix;
  readonly failing: readonly TestId[];
  readonly all: readonly TestId[];
}): (candidate: Candidate) => readonly TestId[] {
  const failingKeys = new Set(options.failing.map(testKey));
  const failingFirst = (tests: readonly TestId[]) => [...tests.filter((t) => failingKeys.has(testKey(t))), ...tests.filter((t) => !failingKeys.has(testKey(t)))];
  const matrix = options.matrix;
  if (matrix === undefined || !matrix.tests.some((t) => t.statements.length > 0)) {
    const everything = failingFirst(options.all);
    return () => everything;
  }
  const coveredBy = new Map<number, TestId[]>();
  for (const test of matrix.tests) for (const id of test.statements) coveredBy.set(id, [...(coveredBy.get(id) ?? []), test.id]);
  const sitesByFile = new Map<string, StatementSite[]>();
  for (const site of options.sites) sitesByFile.set(site.file, [...(sitesByFile.get(site.file) ?? []), site]);

  return (candidate) => {
    const tests = new Map<string, TestId>();
    for (const change of candidate.changes) {
      for (const site of sitesByFile.get(change.file) ?? []) {
        // A zero-width insertion at a statement's start touches that statement.
        const touches = change.start < site.end && (change.end > site.start || change.start === site.start);
        if (!touches) continue;
        for (const test of coveredBy.get(site.id) ?? []) tests.set(testKey(test), test);
      }
    }
    const selected = failingFirst([...tests.values()]);
    return selected.some((t) => failingKeys.has(testKey(t))) ? selected : [];
  };
}
