import type { TestResult } from '../../core/test-report.js';
import type { Suspicion } from '../types.js';
import { calledInTest } from './called-in-test.js';
import { functionRanges } from '../../analysis/functions.js';

/** How much more suspicious a statement is when it sits in a function a failing test calls by name. */
const calledBoost = 3;

/**
 * Without per-test coverage, the functions a failing test calls by name are the best lead there is: their
 * statements are raised above the rest of the imported files, keeping the order otherwise. Pure.
 */
export function boostCalledFunctions(
  suspicious: readonly Suspicion[],
  failing: readonly TestResult[],
  testSources: ReadonlyMap<string, string>,
  files: ReadonlyMap<string, string>,
): Suspicion[] {
  const names = new Set<string>();
  for (const failure of failing) {
    const text = testSources.get(failure.id.file);
    if (text === undefined) continue;
    for (const name of calledInTest(failure.id.file, text, failure.id.name.split(' > ').at(-1) ?? failure.id.name)) names.add(name);
  }
  const ranges = [...files].flatMap(([file, text]) => functionRanges(file, text, names).map((range) => ({ file, ...range })));
  if (ranges.length === 0) return [...suspicious];
  const inCalled = (s: Suspicion) => ranges.some((r) => r.file === s.site.file && r.start <= s.site.start && s.site.end <= r.end);
  return suspicious.map((s) => (inCalled(s) ? { ...s, score: s.score * calledBoost } : s)).sort((a, b) => b.score - a.score);
}
