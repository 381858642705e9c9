import { describe, expect, it } from 'vitest';
import { stackLines, toFailure } from './failure-text.js';

describe('stackLines', () => {
  it('reads V8 stacks, node TAP frames without `at ` and vitest ❯ lines, dropping the rest', () => {
    const text = [
      'AssertionError: boom',
      '    at Context.<anonymous> (file:///p/test/a.js:4:41)',
      'TestContext.<anonymous> (file:///p/test/b.js:5:41)',
      'node:internal/test_runner/test:1133:71',
      'new Promise (<anonymous>)',
      ' ❯ test/c.test.ts:9:55',
      ' ❯ add src/d.ts:1:35',
      'see notes in a.js:3:4 for details',
    ].join('\n');
    expect(stackLines(text).split('\n')).toEqual([
      'at Context.<anonymous> (file:///p/test/a.js:4:41)',
      'at TestContext.<anonymous> (file:///p/test/b.js:5:41)',
      'at node:internal/test_runner/test:1133:71',
      'at test/c.test.ts:9:55',
      'at add (src/d.ts:1:35)',
    ]);
  });
});

describe('toFailure', () => {
  it('normalizes paths, keeps project frames only and does not repeat a message the body holds', () => {
    const failure = toFailure(
      { message: 'boom at /p/src/a.js', stack: 'Error: boom at /p/src/a.js\n    at f (/p/src/a.js:2:3)\n    at g (/p/node_modules/x/i.js:1:1)' },
      ['/p'],
    );
    expect(failure).toEqual({
      message: 'boom at src/a.js',
      frames: [{ file: 'src/a.js', line: 2, column: 3, fn: 'f' }],
      output: 'Error: boom at src/a.js\n    at f (src/a.js:2:3)\n    at g (node_modules/x/i.js:1:1)',
    });
  });

  it('never leaves the message empty', () => {
    expect(toFailure({ message: '  ' }, []).message).toBe('failed');
  });
});
