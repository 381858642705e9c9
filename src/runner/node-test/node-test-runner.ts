import { leafTitleFilter } from '../core/name-filter.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import type { TestRunner } from '../test-runner.js';
import { nodeTestReporterSource } from './node-test-reporter-source.js';

/**
 * Runs `node --test` with the Node that runs redgreen. Without a scope Node finds the test files itself,
 * with its own default patterns. A name filter matches leaf titles only (Node tests each title on its own
 * and runs every suite so nested tests can match); the report drops what was not requested.
 */
export function createNodeTestRunner(): TestRunner {
  return {
    name: 'node-test',
    run: (cwd, options) =>
      runWithReporter('node-test', cwd, options, async (runDir, files) => {
        const reporter = await runDir.write('redgreen-node-test-reporter.mjs', nodeTestReporterSource);
        const args = ['--test', `--test-reporter=${reporter}`, '--test-reporter-destination=stderr', '--test-reporter=spec', '--test-reporter-destination=stdout'];
        const names = leafTitleFilter(options.tests, options.exclude);
        if (names !== undefined) args.push(`--test-name-pattern=${names}`);
        if (files) args.push(...files);
        return { args };
      }),
  };
}
