import { describe, expect, it } from 'vitest';
import { isTestFile } from './is-test-file.js';

describe('isTestFile', () => {
  it.each([
    ['vitest', 'test/math.test.ts', true],
    ['vitest', 'src/deep/a.spec.tsx', true],
    ['jest', '__tests__/strings.test.js', true],
    ['jest', 'src/__tests__/helper.js', true],
    ['vitest', 'src/math.ts', false],
    ['node-test', 'test/helpers.js', true],
    ['node-test', 'src/stack-test.js', true],
    ['node-test', 'src/stack.js', false],
    ['mocha', 'test/helpers.js', true],
    ['mocha', 'spec/queue.spec.js', true],
    ['mocha', 'lib/queue.test.mjs', true],
    ['mocha', 'lib/queue.js', false],
    ['command:npm test', 'tests/run.sh', true],
    ['command:npm test', 'lib/index.js', false],
  ] as const)('%s: %s → %s', (runner, path, expected) => {
    expect(isTestFile(runner, path)).toBe(expected);
  });
});
