import { describe, expect, it } from 'vitest';
import { aReport, aResult } from '../../test/helpers/factories.js';
import { changedLines, reward, testLevel } from './reward.js';

describe('testLevel', () => {
  it.each([
    ['test/unit/math.test.ts', 'unit'],
    ['src/math.test.ts', 'unit'],
    ['test/integration/db.test.ts', 'integration'],
    ['test/api.integration.test.ts', 'integration'],
    ['test/e2e/cli.test.ts', 'system'],
    ['test/cli.e2e.test.ts', 'system'],
    ['tests\\system\\boot.test.js', 'system'],
    // A word that only contains a level's name is no level.
    ['test/systemic-integrations.test.ts', 'unit'],
    ['test/parse-int.test.ts', 'unit'],
    ['test/systematic.test.ts', 'unit'],
  ])('%s is a %s test', (file, level) => {
    expect(testLevel(file)).toBe(level);
  });
});

describe('reward', () => {
  const parent = aReport([aResult('a'), aResult('b', 'failed'), aResult('c', 'failed', 'test/e2e/c.test.ts')]);

  it('is the weighted count of passing goal tests for a state against itself', () => {
    expect(reward({ parent, candidate: parent })).toBe(1);
    expect(reward({ parent: aReport([]), candidate: aReport([]) })).toBe(0);
  });

  it('weighs a system test thrice a unit test', () => {
    const unitFixed = aReport([aResult('a'), aResult('b'), aResult('c', 'failed', 'test/e2e/c.test.ts')]);
    const systemFixed = aReport([aResult('a'), aResult('b', 'failed'), aResult('c', 'passed', 'test/e2e/c.test.ts')]);
    expect(reward({ parent, candidate: unitFixed })).toBe(2);
    expect(reward({ parent, candidate: systemFixed })).toBe(4);
  });

  it('charges a regression twice: the lost pass and the penalty, so trading a test for another never pays', () => {
    const traded = aReport([aResult('a', 'failed'), aResult('b'), aResult('c', 'failed', 'test/e2e/c.test.ts')]);
    expect(reward({ parent, candidate: traded })).toBe(0);
    const timedOut = aReport([aResult('a', 'timeout'), aResult('b', 'failed'), aResult('c', 'failed', 'test/e2e/c.test.ts')]);
    expect(reward({ parent, candidate: timedOut })).toBe(-1);
  });

  it('counts skipped tests for nothing, neither as passes nor as regressions', () => {
    const skipped = aReport([aResult('a', 'skipped'), aResult('b'), aResult('c', 'failed', 'test/e2e/c.test.ts')]);
    expect(reward({ parent, candidate: skipped })).toBe(1);
  });

  it('subtracts half a point per new type error and a hundredth per changed line', () => {
    expect(reward({ parent, candidate: parent, typeErrors: 2 })).toBe(0);
    expect(reward({ parent, candidate: parent, changedLines: 30 })).toBe(0.7);
    expect(reward({ parent, candidate: parent, typeErrors: 1, changedLines: 5 })).toBe(0.45);
  });

  it('prefers the smaller of two fixes of the same tests', () => {
    const fixed = aReport([aResult('a'), aResult('b'), aResult('c', 'failed', 'test/e2e/c.test.ts')]);
    expect(reward({ parent, candidate: fixed, changedLines: 2 })).toBeGreaterThan(reward({ parent, candidate: fixed, changedLines: 40 }));
  });
});

describe('changedLines', () => {
  it('counts added and removed lines, not file headers or context', () => {
    const diff = ['--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1,3 +1,3 @@', ' keep', '-old', '+new', '+-- a removed-looking added line', ''].join('\n');
    expect(changedLines(diff)).toBe(3);
    expect(changedLines(['--- /dev/null', '+++ b/src/new.ts', '@@ -0,0 +1 @@', '+x'].join('\n'))).toBe(1);
    expect(changedLines('')).toBe(0);
  });
});
