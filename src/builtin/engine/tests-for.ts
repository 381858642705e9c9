import type { TestId } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
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
  const failingFirst = (tests: readonly TestId[]) => [
    ...tests.filter((t) => failingKeys.has(testKey(t))),
    ...tests.filter((t) => !failingKeys.has(testKey(t))),
  ];
  const matrix = options.matrix;
  if (matrix === undefined || !matrix.tests.some((t) => t.statements.length > 0)) {
    const everything = failingFirst(options.all);
    return () => everything;
  }
  const coveredBy = groupBy(matrix.tests.flatMap((test) => test.statements.map((id) => [id, test.id] as const)));
  const sitesByFile = groupBy(options.sites.map((site) => [site.file, site] as const));

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

function groupBy<K, V>(pairs: readonly (readonly [K, V])[]): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
