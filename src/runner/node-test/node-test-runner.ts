import { fileURLToPath } from 'node:url';
import { remainingTests, withoutExcluded } from '../core/exclude-tests.js';
import { excludeLeafTitlePattern, leafTitlePattern } from '../core/name-filter.js';
import type { FrameworkLaunch } from '../core/run-with-reporter.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import type { RunOptions, TestRunner } from '../../core/test-runner.js';
import { defaultCapabilities } from '../../core/test-runner.js';

const reporterPath = fileURLToPath(new URL('./runtime/reporter.mjs', import.meta.url));

/**
 * How to start `node --test` on `files` with redgreen's reporter (runtime/reporter.mjs). A name filter matches
 * leaf titles only (Node tests each title on its own and runs every suite so nested tests can match); the
 * report drops what was not requested.
 */
export function nodeTestLaunch(options: RunOptions, files: readonly string[] | undefined): FrameworkLaunch {
  const args = [
    '--test',
    `--test-reporter=${reporterPath}`,
    '--test-reporter-destination=stderr',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
  ];
  const tests = remainingTests(options);
  if (tests) args.push(`--test-name-pattern=${leafTitlePattern(tests)}`);
  else if (options.exclude?.length) args.push(`--test-name-pattern=${excludeLeafTitlePattern(options.exclude)}`);
  if (files) args.push(...files);
  return { args };
}

/**
 * Runs `node --test` with the Node that runs redgreen. Without a scope Node finds the test files itself, with
 * its own default patterns.
 */
export function createNodeTestRunner(): TestRunner {
  return {
    name: 'node-test',
    capabilities: defaultCapabilities,
    async run(cwd, options) {
      const tests = remainingTests(options);
      const report = await runWithReporter('node-test', cwd, { ...options, ...(tests ? { tests } : {}) }, async (_runDir, files) =>
        nodeTestLaunch(options, files),
      );
      return withoutExcluded(report, options.exclude);
    },
  };
}
