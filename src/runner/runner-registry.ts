import { ConfigError } from '../core/errors.js';
import { createCommandRunner } from './command/command-runner.js';
import { withHangRecovery } from './core/with-hang-recovery.js';
import { withWholeFileRequests } from './core/with-whole-file-requests.js';
import { detectRunnerName } from './detect-runner.js';
import { createJestRunner } from './jest/jest-runner.js';
import { createMochaRunner } from './mocha/mocha-runner.js';
import { createNodeTestRunner } from './node-test/node-test-runner.js';
import type { TestRunner } from '../core/test-runner.js';
import { createVitestRunner } from './vitest/vitest-runner.js';

export { isTestFile } from './is-test-file.js';

/** The built-in adapters; `command:<cmd>` is handled apart because it carries an argument. */
const runnerFactories = {
  vitest: createVitestRunner,
  jest: createJestRunner,
  'node-test': createNodeTestRunner,
  mocha: createMochaRunner,
} as const satisfies Record<string, () => TestRunner>;

export type RunnerName = keyof typeof runnerFactories;
export const runnerNames = Object.keys(runnerFactories) as RunnerName[];

function isRunnerName(spec: string): spec is RunnerName {
  return Object.hasOwn(runnerFactories, spec);
}

/**
 * A runner from a `--runner` spec: `vitest`, `jest`, `node-test`, `mocha` or `command:<shell command>`.
 * @throws ConfigError for anything else, listing the valid names.
 */
export function createRunner(spec: string): TestRunner {
  return withHangRecovery(withWholeFileRequests(createAdapter(spec)));
}

function createAdapter(spec: string): TestRunner {
  if (spec.startsWith('command:')) {
    const command = spec.slice('command:'.length).trim();
    if (command === '') throw new ConfigError('The runner "command:" needs a shell command, e.g. --runner "command:npm test".');
    return createCommandRunner(command);
  }
  if (isRunnerName(spec)) return runnerFactories[spec]();
  throw new ConfigError(`Unknown runner "${spec}". Valid runners: ${[...runnerNames, 'command:<cmd>'].join(', ')}.`);
}

/**
 * Picks the runner a project uses, from its package.json and config files (see detect-runner.ts).
 * @throws ConfigError when nothing tells, asking for `--runner`.
 */
export async function detectRunner(projectDir: string): Promise<TestRunner> {
  return createRunner(await detectRunnerName(projectDir));
}
