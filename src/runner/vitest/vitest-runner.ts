import { fileURLToPath } from 'node:url';
import { fullNameFilter, remainingTests, withoutExcluded } from '../core/exclude-tests.js';
import type { FrameworkLaunch } from '../core/run-with-reporter.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import { packageExportUrl, resolveFrameworkBin } from '../core/resolve-framework.js';
import type { RunOptions, TestRunner } from '../../core/test-runner.js';
import { vitestWarmSession } from './warm-session.js';

const reporterPath = fileURLToPath(new URL('./runtime/reporter.mjs', import.meta.url));
const setupPath = fileURLToPath(new URL('./runtime/setup.mjs', import.meta.url));

/**
 * How to start the project's own vitest (1 to 4) on `files` with redgreen's reporter (runtime/reporter.mjs)
 * and its worker setup file; the reporter picks its hooks by the major.
 */
export function vitestLaunch(cwd: string, options: RunOptions, files: readonly string[] | undefined): FrameworkLaunch {
  const framework = resolveFrameworkBin(cwd, 'vitest');
  const args = [framework.bin, 'run', `--reporter=${reporterPath}`, '--reporter=default', '--watch=false', '--coverage.enabled=false'];
  const pattern = fullNameFilter(options);
  if (pattern !== undefined) args.push('-t', pattern);
  if (files) args.push(...files);
  const env = {
    REDGREEN_VITEST_SETUP: setupPath,
    REDGREEN_VITEST_URL: packageExportUrl(framework.packageDir, '.', './dist/index.js'),
    REDGREEN_VITEST_MAJOR: String(framework.major),
  };
  return { args, env };
}

/**
 * Runs `vitest run` from the project's own vitest (1 to 4) with redgreen's streaming reporter; its warm session
 * (warm-session.ts) validates candidates and measures per-test coverage.
 */
export function createVitestRunner(): TestRunner {
  return {
    name: 'vitest',
    capabilities: { perTestResults: true, subsets: true, perTestCoverage: true, warmValidation: true },
    warmSession: vitestWarmSession,
    async run(cwd, options) {
      const tests = remainingTests(options);
      const report = await runWithReporter('vitest', cwd, { ...options, ...(tests ? { tests } : {}) }, async (_runDir, files) =>
        vitestLaunch(cwd, options, files),
      );
      return withoutExcluded(report, options.exclude);
    },
  };
}
