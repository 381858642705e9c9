import { fullNameFilter } from '../core/name-filter.js';
import { resolveFrameworkBin } from '../core/resolve-framework.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import type { TestRunner } from '../test-runner.js';
import { jestReporterSource } from './jest-reporter-source.js';

/** Runs the project's own jest (29, 30) once, with redgreen's streaming reporter beside the default one. */
export function createJestRunner(): TestRunner {
  return {
    name: 'jest',
    run: (cwd, options) =>
      runWithReporter('jest', cwd, options, async (runDir, files) => {
        const framework = resolveFrameworkBin(cwd, 'jest');
        const reporter = await runDir.write('redgreen-jest-reporter.mjs', jestReporterSource);
        const args = [framework.bin, '--ci', '--watchAll=false', '--watchman=false', '--coverage=false', '--reporters=default', `--reporters=${reporter}`];
        const names = fullNameFilter(options.tests, options.exclude);
        if (names !== undefined) args.push(`--testNamePattern=${names}`);
        if (files) args.push('--runTestsByPath', ...files);
        return { args };
      }),
  };
}
