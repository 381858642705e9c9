import type { FrameworkBin } from '../core/resolve-framework.js';
import { packageExportUrl, resolveFrameworkBin } from '../core/resolve-framework.js';
import { fullNameFilter } from '../core/name-filter.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import type { TestRunner } from '../test-runner.js';
import { vitestReporterSource, vitestSetupSource } from './vitest-reporter-source.js';

function entryUrl(framework: FrameworkBin): string {
  return packageExportUrl(framework.packageDir, '.', './dist/index.js');
}

/** Runs `vitest run` from the project's own vitest (3, 4 and later) with redgreen's streaming reporter. */
export function createVitestRunner(): TestRunner {
  return {
    name: 'vitest',
    run: (cwd, options) =>
      runWithReporter('vitest', cwd, options, async (runDir, files) => {
        const framework = resolveFrameworkBin(cwd, 'vitest');
        const reporter = await runDir.write('redgreen-vitest-reporter.mjs', vitestReporterSource);
        const setup = await runDir.write('redgreen-vitest-setup.mjs', vitestSetupSource(entryUrl(framework)));
        const args = [framework.bin, 'run', `--reporter=${reporter}`, '--reporter=default', '--watch=false', '--coverage.enabled=false'];
        const names = fullNameFilter(options.tests, options.exclude);
        if (names !== undefined) args.push('-t', names);
        if (files) args.push(...files);
        return { args, env: { REDGREEN_VITEST_SETUP: setup } };
      }),
  };
}
