import { describe, expect, it } from 'vitest';
import { aReport, aResult } from '../../test/helpers/factories.js';
import { createFlakyTests, describeFlaky } from './flaky-tests.js';

const flaky = (name: string, passed = 1, runs = 3) => ({ id: { file: 'test/a.test.ts', name }, runs, passed, step: 0 });

describe('describeFlaky', () => {
  it('names the tests, their share of passing runs and that they are no goals', () => {
    expect(describeFlaky([flaky('x'), flaky('y')])).toBe(
      '2 tests are flaky (passed 1 of 3 runs on the same code): test/a.test.ts > x, test/a.test.ts > y — they are not goals of this run',
    );
    expect(describeFlaky([flaky('x', 2, 3)])).toBe('1 test is flaky (passed 2 of 3 runs on the same code): test/a.test.ts > x — it is not a goal of this run');
  });

  it('gives each test its own count when they differ', () => {
    expect(describeFlaky([flaky('x', 1, 2), flaky('y', 2, 3)])).toBe(
      '2 tests are flaky: test/a.test.ts > x (passed 1 of 2 runs), test/a.test.ts > y (passed 2 of 3 runs) — they are not goals of this run',
    );
  });
});

describe('createFlakyTests', () => {
  it('hides known flaky tests from reports and adds each test once', () => {
    const tests = createFlakyTests();
    expect(tests.add([flaky('x')])).toHaveLength(1);
    expect(tests.add([flaky('x', 2), flaky('y')]).map((t) => t.id.name)).toEqual(['y']);
    expect(tests.list().map((t) => [t.id.name, t.passed])).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
    const report = aReport([aResult('x', 'failed'), aResult('z'), aResult('y')]);
    expect(tests.hide(report).results.map((r) => r.id.name)).toEqual(['z']);
    expect(tests.has({ file: 'test/a.test.ts', name: 'y' })).toBe(true);
    expect(tests.has({ file: 'test/b.test.ts', name: 'y' })).toBe(false);
  });
});
