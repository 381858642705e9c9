import { describe, expect, it } from 'vitest';
import { aReport, aResult } from '../../test/helpers/factories.js';
import { combineReporters } from '../core/events.js';
import type { TestReport, TestResult } from '../core/test-report.js';
import { runFailureId } from '../core/test-report.js';
import { confirmGreen } from './6-confirm.js';
import type { RunContext } from './run-context.js';

/** A context whose runner answers every run with `report`. */
function contextAnswering(report: TestReport): RunContext {
  return {
    runId: 'test-run',
    sandbox: { root: '/sandbox', listFiles: async () => [], readFile: async () => undefined, writeFile: async () => {}, deleteFile: async () => {} },
    runner: { name: 'fake', run: async () => report },
    denoiser: { name: 'none', async *propose() {} },
    reporter: combineReporters([]),
    isTestFile: () => false,
    options: { maxSteps: 1, allowTestEdits: false, testTimeoutMs: 1000, formatRetries: 0 },
  };
}

const failingRun = (results: readonly TestResult[]): TestReport => ({ ...aReport(results), exit: { code: 1, signal: null } });
const green = aReport([aResult('one'), aResult('two')]);

describe('confirmGreen', () => {
  it('names the tests when the only failures are tests that passed on the same code', async () => {
    const confirmation = await confirmGreen(contextAnswering(failingRun([aResult('one'), aResult('two', 'failed')])), green);
    expect(confirmation).toMatchObject({
      confirmed: false,
      reason: 'fails only on flaky test(s): test/a.test.ts > two',
      flaky: [{ file: 'test/a.test.ts', name: 'two' }],
    });
  });

  it('counts a test known as flaky as flaky', async () => {
    const report = failingRun([aResult('one'), aResult('two'), aResult('known', 'failed')]);
    const confirmation = await confirmGreen(contextAnswering(report), green, (id) => id.name === 'known');
    expect(confirmation).toMatchObject({ confirmed: false, flaky: [{ name: 'known' }] });
  });

  it('is a real disagreement when a failing test is new, the run failed outside any test, or the run did not finish', async () => {
    const failureOutside: TestResult = {
      id: runFailureId,
      status: 'failed',
      durationMs: 0,
      failure: { message: 'unhandled rejection', frames: [], output: '' },
    };
    const reports = [
      failingRun([aResult('one'), aResult('two'), aResult('new', 'failed')]),
      failingRun([aResult('one'), aResult('two', 'failed'), failureOutside]),
      { ...aReport([aResult('one'), aResult('two', 'failed')], 'timeout'), exit: { code: null, signal: 'SIGKILL' } },
    ];
    for (const report of reports) {
      const confirmation = await confirmGreen(contextAnswering(report), green);
      expect(confirmation.confirmed).toBe(false);
      expect(confirmation).not.toHaveProperty('flaky');
    }
  });

  it('agrees when the run passes with exit code 0', async () => {
    expect(await confirmGreen(contextAnswering({ ...green, exit: { code: 0, signal: null } }), green)).toEqual({ confirmed: true });
  });
});
