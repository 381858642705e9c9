import { describe, expect, it } from 'vitest';
import type { TestId } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import { breaksNothing, partialFixes, rankPartial } from './partial-progress.js';

const file = 'src/a.ts';
const text = 'const a = x < y;\nconst b = f(x, y);\n';
const test = (name: string): TestId => ({ file: 'test/a.test.ts', name });
const [min, max, empty] = [test('min'), test('max'), test('empty')];
const goals = new Set([min, max].map(testKey));
const failed = (failedTest: TestId, passedTests: TestId[]): CandidateVerdict => ({
  candidate: 1,
  status: 'failed',
  passed: passedTests.length,
  failedTest,
  passedTests,
  durationMs: 1,
});
const candidate = (id: number, score: number, needle: string, replacement: string): Candidate => ({
  id,
  score,
  operator: `op${id}`,
  description: `d${id}`,
  changes: [{ file, start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, text: replacement, node: 'expression' }],
});

describe('partialFixes', () => {
  it('counts the goal tests fixed when every other test it ran still passes', () => {
    expect(partialFixes(failed(max, [min, empty]), [min, max, empty], goals)).toBe(1);
  });

  it('is no progress when a passing test broke, did not run, or nothing was fixed', () => {
    expect(partialFixes(failed(empty, [min]), [min, max, empty], goals)).toBeUndefined();
    expect(partialFixes(failed(max, [min]), [min, max, empty], goals)).toBeUndefined();
    expect(partialFixes(failed(min, [empty]), [min, max, empty], goals)).toBeUndefined();
    expect(partialFixes({ candidate: 1, status: 'plausible', passed: 3, durationMs: 1 }, [min, max, empty], goals)).toBeUndefined();
    expect(partialFixes({ candidate: 1, status: 'timeout', durationMs: 1 }, [min, max, empty], goals)).toBeUndefined();
  });
});

describe('breaksNothing', () => {
  it('needs the first failure to be a goal test, and every other test passing when the run was complete', () => {
    expect(breaksNothing(failed(min, [empty]), [min, max, empty], goals, false)).toBe(true);
    expect(breaksNothing(failed(min, []), [min, max, empty], goals, false)).toBe(false);
    expect(breaksNothing(failed(min, []), [min, max, empty], goals, true)).toBe(true);
    expect(breaksNothing(failed(empty, [min, max]), [min, max, empty], goals, false)).toBe(false);
  });
});

describe('rankPartial', () => {
  it('ranks by goal tests fixed, then by the smaller patch', () => {
    const big = { candidate: candidate(1, 0.9, 'x < y', 'x < y && y > 0 && z'), fixed: 1, goals: 3 };
    const small = { candidate: candidate(2, 0.1, 'x < y', 'x <= y'), fixed: 1, goals: 3 };
    const most = { candidate: candidate(3, 0.1, 'f(x, y)', 'f(y, x) + x + y'), fixed: 2, goals: 3 };
    expect(rankPartial([big, small, most], new Map([[file, text]])).map((p) => p.candidate.id)).toEqual([3, 2, 1]);
  });
});
