import { createJestRunner } from '../../src/runner/jest/jest-runner.js';
import { createNodeTestRunner } from '../../src/runner/node-test/node-test-runner.js';
import { describeTestRunnerContract } from '../../src/runner/test-runner-contract.js';
import { createVitestRunner } from '../../src/runner/vitest/vitest-runner.js';
import { copyFixture } from '../helpers/fixture-project.js';

const mathFile = 'test/math.test.ts';
describeTestRunnerContract('vitest', createVitestRunner, {
  setup: () => copyFixture('vitest-basic'),
  failing: [
    { file: mathFile, name: 'clamp > keeps values inside the range' },
    { file: mathFile, name: 'clamp > lowers values above the range' },
  ],
  passing: [
    { file: mathFile, name: 'sum > adds numbers' },
    { file: mathFile, name: 'sum > returns 0 for an empty list' },
    { file: mathFile, name: 'average > averages numbers' },
    { file: mathFile, name: 'clamp > raises values below the range' },
  ],
});

const stringsFile = '__tests__/strings.test.js';
describeTestRunnerContract('jest', createJestRunner, {
  setup: () => copyFixture('jest-basic'),
  failing: [{ file: stringsFile, name: 'truncate > cuts long text to the limit, ellipsis included' }],
  passing: [
    { file: stringsFile, name: 'capitalize > upper-cases the first letter' },
    { file: stringsFile, name: 'capitalize > leaves an empty string alone' },
    { file: stringsFile, name: 'slugify > joins words with dashes' },
    { file: stringsFile, name: 'truncate > keeps short text' },
  ],
});

const stackFile = 'test/stack.test.js';
describeTestRunnerContract('node-test', createNodeTestRunner, {
  setup: () => copyFixture('node-test-basic'),
  failing: [{ file: stackFile, name: 'Stack > peek > returns the top item' }],
  passing: [
    { file: stackFile, name: 'Stack > starts empty' },
    { file: stackFile, name: 'Stack > pops the last pushed item' },
    { file: stackFile, name: 'Stack > peek > does not remove the item' },
  ],
});
