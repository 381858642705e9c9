import { describe, expect, it } from 'vitest';
import { parseStack, projectFrames } from './stack-frames.js';

const stack = [
  'AssertionError: expected 1 to be 2',
  '    at clamp (/p/src/math.ts:14:5)',
  '    at async Object.toBe (file:///p/test/math.test.ts:26:29)',
  '    at /p/test/math.test.ts:30:1',
  '    at file:///p/node_modules/@vitest/runner/dist/index.js:1:2',
  '    at Test.run (node:internal/test_runner/test:796:25)',
  '    at new Promise (<anonymous>)',
  '    at /elsewhere/lib.js:1:1',
].join('\n');

describe('stack-frames', () => {
  it('parses V8 frames with and without a function name', () => {
    expect(parseStack(stack).slice(0, 3)).toEqual([
      { file: '/p/src/math.ts', line: 14, column: 5, fn: 'clamp' },
      { file: 'file:///p/test/math.test.ts', line: 26, column: 29, fn: 'Object.toBe' },
      { file: '/p/test/math.test.ts', line: 30, column: 1 },
    ]);
  });

  it('keeps only project frames, with project-relative POSIX paths', () => {
    expect(projectFrames(stack, ['/p']).map((frame) => `${frame.file}:${frame.line}`)).toEqual([
      'src/math.ts:14',
      'test/math.test.ts:26',
      'test/math.test.ts:30',
    ]);
  });

  it('returns no frames for no stack', () => {
    expect(projectFrames(undefined, ['/p'])).toEqual([]);
  });
});
