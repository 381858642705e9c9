import { describe, expect, it } from 'vitest';
import { aReport, aResult } from '../../test/helpers/factories.js';
import { compareReports, mergeResults, withVanishedFailures } from './compare.js';
import { loadFailureId } from '../core/test-report.js';
import { select } from './5-select.js';

const best = aReport([aResult('a'), aResult('b', 'failed'), aResult('c', 'failed')]);

describe('compareReports', () => {
  it('is green when every test passes', () => {
    expect(compareReports(best, aReport([aResult('a'), aResult('b'), aResult('c')])).verdict).toBe('green');
  });
  it('is improved when more tests pass and none broke', () => {
    expect(compareReports(best, aReport([aResult('a'), aResult('b'), aResult('c', 'failed')])).verdict).toBe('improved');
  });
  it('is a regression when a passing test fails, even if others were fixed', () => {
    const verdict = compareReports(best, aReport([aResult('a', 'failed'), aResult('b'), aResult('c')]));
    expect(verdict).toMatchObject({ verdict: 'regressed', regressions: [{ id: { name: 'a' } }] });
  });
  it('counts a timeout as a regression', () => {
    expect(compareReports(best, aReport([aResult('a', 'timeout'), aResult('b'), aResult('c')])).verdict).toBe('regressed');
  });
  it('counts a passing test missing from the candidate run as a regression', () => {
    const verdict = compareReports(best, aReport([aResult('b'), aResult('c')]));
    expect(verdict).toMatchObject({ verdict: 'regressed', regressions: [{ id: { name: 'a' }, status: 'failed' }] });
  });
  it('never calls a run that failed as a whole green', () => {
    const errored = { ...aReport([aResult('a'), aResult('b'), aResult('c')]), status: 'error' as const, message: 'a file did not load' };
    expect(compareReports(best, errored).verdict).toBe('no-improvement');
  });
  it('is no improvement when the same number pass', () => {
    expect(compareReports(best, best).verdict).toBe('no-improvement');
  });
});

describe('mergeResults', () => {
  it('replaces re-run results and keeps the rest', () => {
    const merged = mergeResults(best, aReport([aResult('b')]));
    expect(merged.map((r) => r.status)).toEqual(['passed', 'passed', 'failed']);
  });
});

describe('select', () => {
  it('keeps improvements and explains regressions and stalls', () => {
    expect(select(best, aReport([aResult('a'), aResult('b'), aResult('c', 'failed')])).keep).toBe(true);
    const regressed = select(best, aReport([aResult('a', 'failed'), aResult('b', 'failed'), aResult('c', 'failed')]));
    expect(regressed.keep).toBe(false);
    expect(regressed.feedback.join('\n')).toContain('broke 1 passing test');
    const stalled = select(best, best);
    expect(stalled.feedback.join('\n')).toMatch(/no failing test was fixed[\s\S]*b failed/);
  });
});

describe('withVanishedFailures', () => {
  it('puts back a failing goal the candidate no longer mentions, so it cannot pass by disappearing', () => {
    const candidate = aReport([aResult('a'), aResult('b')]);
    const carried = withVanishedFailures(best, candidate);
    expect(carried.results.map((r) => [r.id.name, r.status])).toEqual([
      ['a', 'passed'],
      ['b', 'passed'],
      ['c', 'failed'],
    ]);
    expect(compareReports(best, carried).verdict).toBe('improved');
  });
  it('resolves a load failure only when tests of its file now report', () => {
    const unloaded = aReport([aResult('a'), { ...aResult('(the file failed to load)', 'failed', 'test/b.test.ts'), id: loadFailureId('test/b.test.ts') }]);
    expect(withVanishedFailures(unloaded, aReport([aResult('a')])).results).toHaveLength(2);
    expect(withVanishedFailures(unloaded, aReport([aResult('a'), aResult('b1', 'passed', 'test/b.test.ts')])).results).toHaveLength(2);
  });
});
