import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFrameworkBin } from '../core/resolve-framework.js';
import type { FrameworkLaunch } from '../core/run-with-reporter.js';
import { runWithReporter } from '../core/run-with-reporter.js';
import type { RunOptions, TestRunner } from '../../core/test-runner.js';
import { defaultCapabilities } from '../../core/test-runner.js';
import { mochaGrep } from './mocha-grep.js';
import type { MochaLaunchRequest } from './mocha-launch.js';
import { mochaLaunchVariable } from './mocha-launch.js';

// A real file beside this module, in src/ under vitest and in dist/ after the build alike.
const launcherPath = fileURLToPath(new URL('./runtime/launcher.mjs', import.meta.url));

/**
 * How to start the launcher on the project's own mocha for one run: `files` are project-relative (all the
 * configured spec files when undefined).
 * @throws ConfigError when the project has no mocha of its own.
 */
export function mochaLaunch(cwd: string, options: Pick<RunOptions, 'tests' | 'exclude'>, files: readonly string[] | undefined): FrameworkLaunch {
  const framework = resolveFrameworkBin(cwd, 'mocha');
  const grep = mochaGrep(options);
  const request: MochaLaunchRequest = {
    mochaDir: realpathSync(framework.packageDir),
    ...(files ? { files: files.map((file) => resolve(cwd, file)) } : {}),
    ...(grep !== undefined ? { grep } : {}),
  };
  return { args: [launcherPath], env: { [mochaLaunchVariable]: JSON.stringify(request) } };
}

/**
 * Runs the project's own mocha (10, 11) through redgreen's launcher, which loads the test files one by one
 * so a file that fails to load is reported as that file's failure while the other files still run.
 */
export function createMochaRunner(): TestRunner {
  return {
    name: 'mocha',
    capabilities: defaultCapabilities,
    run: (cwd, options) => runWithReporter('mocha', cwd, options, async (_runDir, files) => mochaLaunch(cwd, options, files)),
  };
}
