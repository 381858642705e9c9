import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import type { ProcessOutcome } from './run-process.js';
import type { RunnerEvent } from './runner-events.js';
import { parseEvents } from './runner-events.js';

function outcome(overrides: Partial<ProcessOutcome> = {}): ProcessOutcome {
  return { exitCode: 1, signal: null, timedOut: false, aborted: false, output: '', durationMs: 10, ...overrides };
}

const file = '/p/test/a.test.ts';
const events: RunnerEvent[] = [
  { type: 'collected', file, titles: ['s', 'one'] },
  { type: 'collected', file, titles: ['s', 'two'] },
  { type: 'result', file, titles: ['s', 'one'], status: 'failed', durationMs: 3, error: { message: 'boom', expected: '1', actual: '2', stack: 'Error: boom\n    at f (/p/src/a.ts:4:2)' } },
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
        failure: { message: 'boom', expected: '1', actual: '2', frames: [{ file: 'src/a.ts', line: 4, column: 2, fn: 'f' }], output: 'boom\n\n    at f (src/a.ts:4:2)' },
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

  it('is an error when the framework reports a file-level error or exits non-zero with no failed test', () => {
    const withError = buildReport({ runner: 'x', roots: ['/p'], events: [{ type: 'error', file, error: { message: 'SyntaxError in /p/test/a.test.ts' } }], outcome: outcome() });
    expect(withError).toMatchObject({ status: 'error', message: 'SyntaxError in test/a.test.ts' });
    const silent = buildReport({ runner: 'x', roots: ['/p'], events: [], outcome: outcome({ output: 'config broken' }) });
    expect(silent).toMatchObject({ status: 'error' });
  });

  it('skips event lines cut short by a kill', () => {
    expect(parseEvents('{"type":"start","file":"a","titles":["x"]}\n{"type":"res')).toHaveLength(1);
  });
});
