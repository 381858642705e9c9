import { describe, expect, it } from 'vitest';
import { aResult } from '../../../test/helpers/factories.js';
import type { ProcessOutcome } from '../core/run-process.js';
import { commandReport, endedEarlyName } from './command-report.js';

function anOutcome(overrides: Partial<ProcessOutcome> = {}): ProcessOutcome {
  return { exitCode: 0, signal: null, timedOut: false, aborted: false, output: 'done', durationMs: 50, ...overrides };
}

const command = 'npm test';
const own = { file: '<command>', name: command };
const report = (outcome: ProcessOutcome, structured = [aResult('a'), aResult('b')], extra = {}) =>
  commandReport({ command, runner: `command:${command}`, roots: ['/project'], outcome, structured, ...extra });

describe('commandReport', () => {
  it('reports the exit code alone as one synthetic test when there are no structured results', () => {
    expect(report(anOutcome(), []).results).toEqual([{ id: own, status: 'passed', durationMs: 50 }]);
    const failed = report(anOutcome({ exitCode: 2 }), []);
    expect(failed.results).toEqual([
      expect.objectContaining({ id: own, status: 'failed', failure: expect.objectContaining({ message: '"npm test" exited with code 2' }) }),
    ]);
  });

  it('keeps the structured results beside the passed command on exit 0', () => {
    const { results, status } = report(anOutcome());
    expect(status).toBe('complete');
    expect(results.map((result) => [result.id.name, result.status])).toEqual([
      ['a', 'passed'],
      ['b', 'passed'],
      [command, 'passed'],
    ]);
  });

  it('never reads better than the exit code: only passing tests and a nonzero exit is a failure', () => {
    const { results } = report(anOutcome({ exitCode: 1 }));
    expect(results.filter((result) => result.status === 'failed').map((result) => result.id)).toEqual([own]);
  });

  it('names a killing signal', () => {
    expect(report(anOutcome({ exitCode: null, signal: 'SIGSEGV' })).results.at(-1)?.failure?.message).toBe('"npm test" exited with SIGSEGV');
  });

  it('adds a failing result when the TAP stream ended early, even on exit 0', () => {
    const { results } = report(anOutcome(), [aResult('a')], { endedEarly: 'Bail out! db down' });
    expect(results.find((result) => result.id.name === endedEarlyName)).toMatchObject({ status: 'failed', failure: { message: 'Bail out! db down' } });
  });

  it('numbers repeated names by occurrence', () => {
    const { results } = report(anOutcome(), [aResult('same'), aResult('same'), aResult('same', 'passed', 'test/b.test.ts')]);
    expect(results.map((result) => result.id)).toEqual([
      { file: 'test/a.test.ts', name: 'same' },
      { file: 'test/a.test.ts', name: 'same', occurrence: 2 },
      { file: 'test/b.test.ts', name: 'same' },
      own,
    ]);
  });

  it('reports only the requested tests, and the command itself', () => {
    const { results } = report(anOutcome({ exitCode: 1 }), [aResult('a'), aResult('b', 'failed')], { requested: [{ file: 'test/a.test.ts', name: 'a' }] });
    expect(results.map((result) => result.id.name)).toEqual(['a', command]);
  });

  it('leaves excluded tests out of the report', () => {
    const { results } = report(anOutcome(), [aResult('a'), aResult('b')], { excluded: [{ file: 'test/a.test.ts', name: 'b' }] });
    expect(results.map((result) => result.id.name)).toEqual(['a', command]);
  });

  it('keeps what finished when the run is killed, and marks the command timed out', () => {
    const killed = report(anOutcome({ timedOut: true, exitCode: null, signal: 'SIGKILL' }), [aResult('a')]);
    expect(killed.status).toBe('timeout');
    expect(killed.results.map((result) => [result.id.name, result.status])).toEqual([
      ['a', 'passed'],
      [command, 'timeout'],
    ]);
  });

  it('is an error when the shell could not start', () => {
    expect(report(anOutcome({ exitCode: null, spawnError: new Error('ENOENT') }))).toMatchObject({
      status: 'error',
      results: [],
      message: 'could not run "npm test": ENOENT',
    });
  });
});
