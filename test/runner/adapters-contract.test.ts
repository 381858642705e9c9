import { createJestRunner } from '../../src/runner/jest/jest-runner.js';
import { createMochaRunner } from '../../src/runner/mocha/mocha-runner.js';
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

const cartFile = 'test/cart.test.js';
const pricingFile = 'test/pricing.test.js';
describeTestRunnerContract('mocha (ESM)', createMochaRunner, {
  setup: () => copyFixture('mocha-esm'),
  failing: [
    { file: pricingFile, name: 'linePrice > gives the bulk discount from ten units on' },
    { file: cartFile, name: 'Cart > bulk orders > discounts a line of exactly ten units' },
  ],
  passing: [
    { file: pricingFile, name: 'linePrice > charges the unit price below the bulk threshold' },
    { file: pricingFile, name: 'linePrice > gives the bulk discount on large orders' },
    { file: cartFile, name: 'Cart > starts empty' },
    { file: 'test/money.test.js', name: 'money > formats cents as dollars' },
  ],
});

const queueFile = 'spec/bounded-queue.spec.js';
describeTestRunnerContract('mocha (CommonJS, .mocharc.json)', createMochaRunner, {
  setup: () => copyFixture('mocha-cjs'),
  failing: [
    { file: queueFile, name: 'BoundedQueue > is full once it holds capacity items' },
    { file: queueFile, name: 'BoundedQueue > rejects an item when full, keeping the size' },
  ],
  passing: [
    { file: queueFile, name: 'BoundedQueue > hands items back in the order they came' },
    { file: 'spec/scheduler.spec.js', name: 'Scheduler > hands out the highest priority job first' },
    { file: 'spec/scheduler.spec.js', name: 'Scheduler > lists the waiting jobs' },
  ],
});
