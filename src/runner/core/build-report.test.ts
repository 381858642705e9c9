import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import type { ProcessOutcome } from './run-process.js';
import type { RunnerEvent } from './runner-events.js';
import { parseEvents } from './runner-events.js';
import { loadFailureId, loadFailureName, runFailureId } from '../../core/test-report.js';

function outcome(overrides: Partial<ProcessOutcome> = {}): ProcessOutcome {
  return { exitCode: 1, signal: null, timedOut: false, aborted: false, output: '', durationMs: 10, ...overrides };
}

const file = '/p/test/a.test.ts';
const events: RunnerEvent[] = [
  { type: 'collected', file, titles: ['s', 'one'] },
  { type: 'collected', file, titles: ['s', 'two'] },
  {
    type: 'result',
    file,
    titles: ['s', 'one'],
    status: 'failed',
    durationMs: 3,
    error: { message: 'boom', expected: '1', actual: '2', stack: 'Error: boom\n    at f (/p/src/a.ts:4:2)' },
  },
];

describe('buildReport', () => {
  it('turns events into project-relative results with failures', () => {
    const report = buildReport({ runner: 'x', roots: ['/p'], events, outcome: outcome() });
    expect(report.status).toBe('complete');
    expect(report.results).toEqual([
      {
        id: { file: 'test/a.test.ts', name: 's > one' },
        status: 'failed',
        durationMs: 3,
        failure: {
          message: 'boom',
          expected: '1',
          actual: '2',
          frames: [{ file: 'src/a.ts', line: 4, column: 2, fn: 'f' }],
          output: 'boom\n\n    at f (src/a.ts:4:2)',
        },
      },
    ]);
  });

  it('marks collected but unfinished tests as timeout when the run was killed', () => {
    const report = buildReport({ runner: 'x', roots: ['/p'], events, outcome: outcome({ timedOut: true, exitCode: null, signal: 'SIGKILL' }) });
    expect(report.status).toBe('timeout');
    expect(report.results.map((result) => result.status)).toEqual(['failed', 'timeout']);
  });

  it('drops results that were not requested', () => {
    const requested = [{ file: 'test/a.test.ts', name: 's > two' }];
    const report = buildReport({ runner: 'x', roots: ['/p'], events, outcome: outcome({ timedOut: true }), requested });
    expect(report.results).toEqual([{ id: requested[0], status: 'timeout', durationMs: 0 }]);
  });

  it('turns a test file that failed to load into a failing result of its own, never an absence', () => {
    const report = buildReport({
      runner: 'x',
      roots: ['/p'],
      events: [{ type: 'error', file, error: { message: "Cannot find module '/p/src/b' imported from /p/test/a.test.ts" } }],
      outcome: outcome(),
    });
    expect(report).toMatchObject({ status: 'error', message: expect.stringContaining('test/a.test.ts failed to load') });
    expect(report.results).toEqual([
      expect.objectContaining({
        id: { file: 'test/a.test.ts', name: loadFailureName },
        status: 'failed',
        failure: expect.objectContaining({ message: expect.stringContaining("Cannot find module 'src/b'") }),
      }),
    ]);
  });

  it('turns errors outside any test, and a non-zero exit with no failing test, into a failing run result', () => {
    const unhandled = buildReport({ runner: 'x', roots: ['/p'], events: [{ type: 'error', error: { message: 'unhandled rejection' } }], outcome: outcome() });
    expect(unhandled.results).toEqual([expect.objectContaining({ id: runFailureId, status: 'failed' })]);
    const silent = buildReport({
      runner: 'x',
      roots: ['/p'],
      events: [{ type: 'result', file, titles: ['ok'], status: 'passed' }],
      outcome: outcome({ output: 'config broken' }),
    });
    expect(silent).toMatchObject({ status: 'error', exit: { code: 1, signal: null } });
    expect(silent.results.map((r) => [r.id.name, r.status])).toEqual([
      ['ok', 'passed'],
      [runFailureId.name, 'failed'],
    ]);
  });

  it('fails a test that started and never finished when the process exited by itself (an early exit)', () => {
    const started: RunnerEvent[] = [
      { type: 'start', file, titles: ['one'] },
      { type: 'result', file, titles: ['one'], status: 'passed' },
      { type: 'start', file, titles: ['two'] },
    ];
    const report = buildReport({ runner: 'x', roots: ['/p'], events: started, outcome: outcome({ exitCode: 0 }) });
    expect(report.results.map((r) => [r.id.name, r.status])).toEqual([
      ['one', 'passed'],
      ['two', 'failed'],
    ]);
    expect(report.results[1]?.failure?.message).toMatch(/never finished/);
  });

  it('counts two tests with the same name in one file as two, by order or by the framework id', () => {
    const byOrder: RunnerEvent[] = [
      { type: 'result', file, titles: ['same'], status: 'passed' },
      { type: 'result', file, titles: ['same'], status: 'failed', error: { message: 'no' } },
    ];
    const ordered = buildReport({ runner: 'x', roots: ['/p'], events: byOrder, outcome: outcome() });
    expect(ordered.results.map((r) => [r.id, r.status])).toEqual([
      [{ file: 'test/a.test.ts', name: 'same' }, 'passed'],
      [{ file: 'test/a.test.ts', name: 'same', occurrence: 2 }, 'failed'],
    ]);
    // vitest's worker and main process both report each test: the shared id keeps them one test each
    const twice: RunnerEvent[] = [
      { type: 'result', file, titles: ['same'], id: 'a', status: 'passed' },
      { type: 'result', file, titles: ['same'], id: 'b', status: 'passed' },
      { type: 'result', file, titles: ['same'], id: 'a', status: 'passed' },
      { type: 'result', file, titles: ['same'], id: 'b', status: 'passed' },
    ];
    expect(buildReport({ runner: 'x', roots: ['/p'], events: twice, outcome: outcome({ exitCode: 0 }) }).results).toHaveLength(2);
  });

  it('keeps every result of a requested load failure, since the file may load now', () => {
    const requested = [loadFailureId('test/a.test.ts')];
    const report = buildReport({ runner: 'x', roots: ['/p'], events, outcome: outcome(), requested });
    expect(report.results.map((r) => r.id.name)).toEqual(['s > one']);
  });

  it('skips event lines cut short by a kill', () => {
    expect(parseEvents('{"type":"start","file":"a","titles":["x"]}\n{"type":"res')).toHaveLength(1);
  });
});

describe('a load failure whose location is on a later line', () => {
  it('brings the file and line to the headline', () => {
    const error = { message: 'Transform failed with 1 error:\n/p/test/a.test.ts:4:18: ERROR: [PARSE_ERROR] Unexpected token' };
    const report = buildReport({ runner: 'x', roots: ['/p'], events: [{ type: 'error', file, error }], outcome: outcome() });
    expect(report.results[0]?.failure?.message.split('\n')[0]).toBe(
      'the test file failed to load: Transform failed with 1 error: test/a.test.ts:4:18: ERROR: [PARSE_ERROR] Unexpected token',
    );
    const later = { message: 'Transform failed\n[PARSE_ERROR] Unexpected token', stack: 'SyntaxError\n    at /p/test/a.test.ts:7:2' };
    const located = buildReport({ runner: 'x', roots: ['/p'], events: [{ type: 'error', file, error: later }], outcome: outcome() });
    expect(located.results[0]?.failure?.message.split('\n')[0]).toBe('the test file failed to load: Transform failed (at test/a.test.ts:7)');
  });
});
