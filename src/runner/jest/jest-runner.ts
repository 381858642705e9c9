import { fileURLToPath } from 'node:url';
import { fullNameFilter, remainingTests, withoutExcluded } from '../core/exclude-tests.js';
import { resolveFrameworkBin } from '../core/resolve-framework.js';
import type { FrameworkLaunch } from '../core/run-with-reporter.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import type { RunOptions, TestRunner } from '../../core/test-runner.js';
import { defaultCapabilities } from '../../core/test-runner.js';

const reporterPath = fileURLToPath(new URL('./runtime/reporter.mjs', import.meta.url));

/** How to start the project's own jest (27 to 30) on `files` with redgreen's reporter (runtime/reporter.mjs). */
export function jestLaunch(cwd: string, options: RunOptions, files: readonly string[] | undefined): FrameworkLaunch {
  const framework = resolveFrameworkBin(cwd, 'jest');
  const args = [framework.bin, '--ci', '--watchAll=false', '--watchman=false', '--coverage=false', '--reporters=default', `--reporters=${reporterPath}`];
  const pattern = fullNameFilter(options);
  if (pattern !== undefined) args.push(`--testNamePattern=${pattern}`);
  if (files) args.push('--runTestsByPath', ...files);
  return { args };
}

/** Runs the project's own jest (27 to 30) once, with redgreen's streaming reporter beside the default one. */
export function createJestRunner(): TestRunner {
  return {
    name: 'jest',
    capabilities: defaultCapabilities,
    async run(cwd, options) {
      const tests = remainingTests(options);
      const report = await runWithReporter('jest', cwd, { ...options, ...(tests ? { tests } : {}) }, async (_runDir, files) => jestLaunch(cwd, options, files));
      return withoutExcluded(report, options.exclude);
    },
  };
}
