import { describe, expect, it } from 'vitest';
import { aReport, aResult } from '../../../test/helpers/factories.js';
import type { RunOptions, TestRunner } from '../../core/test-runner.js';
import type { TestReport } from '../../core/test-report.js';
import { loadFailureId, runFailureId, testKey } from '../../core/test-report.js';
import { withHangRecovery } from './with-hang-recovery.js';
import { withWholeFileRequests } from './with-whole-file-requests.js';

/** A runner that answers each call from a script and records the options it was called with. */
function scriptedRunner(answers: ((options: RunOptions) => TestReport)[]): TestRunner & { calls: RunOptions[] } {
  const calls: RunOptions[] = [];
  return {
    name: 'fake',
    calls,
    run: async (_cwd, options) => {
      calls.push(options);
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
      if (answer === undefined) throw new Error('no answer');
      return answer(options);
    },
  };
}

describe('withHangRecovery', () => {
  const spins = aResult('spins', 'timeout');
  it('re-runs the rest without the hung test and keeps the hung one as timeout', async () => {
    const runner = scriptedRunner([
      () => ({ ...aReport([aResult('first'), spins], 'timeout'), hung: [spins.id] }),
      (options) => aReport([aResult('first'), aResult('after', 'failed')].filter((r) => !options.exclude?.some((id) => testKey(id) === testKey(r.id)))),
    ]);
    const report = await withHangRecovery(runner).run('/p', { timeoutMs: 1000, hangTimeoutMs: 100 });
    expect(runner.calls[1]?.exclude).toEqual([spins.id]);
    expect(report.status).toBe('timeout');
    expect(report.results.map((r) => [r.id.name, r.status])).toEqual([
      ['first', 'passed'],
      ['after', 'failed'],
      ['spins', 'timeout'],
    ]);
    expect(report.status === 'timeout' ? report.hung : undefined).toEqual([spins.id]);
  });

  it('stops after a few rounds of hangs', async () => {
    let n = 0;
    const runner = scriptedRunner([
      () => {
        const hung = aResult(`spins ${++n}`, 'timeout');
        return { ...aReport([hung], 'timeout'), hung: [hung.id] };
      },
    ]);
    const report = await withHangRecovery(runner).run('/p', { timeoutMs: 1000, hangTimeoutMs: 100 });
    expect(runner.calls).toHaveLength(4);
    expect(report.results).toHaveLength(4);
  });

  it('leaves a run without hangs alone', async () => {
    const runner = scriptedRunner([() => aReport([aResult('a')])]);
    await withHangRecovery(runner).run('/p', { timeoutMs: 1000, hangTimeoutMs: 100 });
    expect(runner.calls).toHaveLength(1);
  });
});

describe('withWholeFileRequests', () => {
  const other = aResult('other', 'passed', 'test/b.test.ts');
  const answer = () => aReport([aResult('x', 'failed'), aResult('y'), other]);

  it('asks for the whole file of a requested load failure, without a name filter', async () => {
    const runner = scriptedRunner([answer]);
    const requested = [loadFailureId('test/a.test.ts')];
    const report = await withWholeFileRequests(runner).run('/p', { timeoutMs: 1000, tests: requested });
    expect(runner.calls[0]).toMatchObject({ files: ['test/a.test.ts'] });
    expect(runner.calls[0]?.tests).toBeUndefined();
    expect(report.results.map((r) => r.id.name)).toEqual(['x', 'y']);
  });

  it('asks for everything in scope for a requested run failure', async () => {
    const runner = scriptedRunner([answer]);
    const report = await withWholeFileRequests(runner).run('/p', { timeoutMs: 1000, tests: [runFailureId], files: ['test/a.test.ts', 'test/b.test.ts'] });
    expect(runner.calls[0]?.files).toEqual(['test/a.test.ts', 'test/b.test.ts']);
    expect(report.results).toHaveLength(3);
  });

  it('passes ordinary requests through', async () => {
    const runner = scriptedRunner([answer]);
    const tests = [{ file: 'test/a.test.ts', name: 'x' }];
    await withWholeFileRequests(runner).run('/p', { timeoutMs: 1000, tests });
    expect(runner.calls[0]?.tests).toEqual(tests);
  });
});
