import { buildReport } from '../core/build-report.js';
import { emptyReport } from '../core/empty-report.js';
import { fullNamePattern, scopeFiles } from '../core/name-filter.js';
import { resolveFrameworkBin } from '../core/resolve-framework.js';
import { runProcess } from '../core/run-process.js';
import { createRunDir, projectRoots, runnerEnv } from '../core/run-dir.js';
import { readEvents } from '../core/runner-events.js';
import type { RunOptions, TestRunner } from '../test-runner.js';
import type { TestReport } from '../types.js';
import { jestReporterSource } from './jest-reporter-source.js';

/** Runs the project's own jest (29, 30) once, with redgreen's streaming reporter beside the default one. */
export function createJestRunner(): TestRunner {
  return {
    name: 'jest',
    async run(cwd: string, options: RunOptions): Promise<TestReport> {
      const files = scopeFiles(options.tests, options.files);
      if (files?.length === 0 || options.tests?.length === 0) return emptyReport('jest');
      const framework = resolveFrameworkBin(cwd, 'jest');
      const runDir = await createRunDir();
      try {
        const reporter = await runDir.write('redgreen-jest-reporter.mjs', jestReporterSource);
        const args = [framework.bin, '--ci', '--watchAll=false', '--watchman=false', '--coverage=false', '--reporters=default', `--reporters=${reporter}`];
        if (options.tests) args.push(`--testNamePattern=${fullNamePattern(options.tests)}`);
        if (files) args.push('--runTestsByPath', ...files);
        const outcome = await runProcess({
          command: process.execPath,
          args,
          cwd,
          env: runnerEnv(options.env, runDir.eventsFile),
          timeoutMs: options.timeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        return buildReport({
          runner: 'jest',
          roots: projectRoots(cwd),
          events: await readEvents(runDir.eventsFile),
          outcome,
          ...(options.tests ? { requested: options.tests } : {}),
          ...(files ? { files } : {}),
        });
      } finally {
        await runDir.remove();
      }
    },
  };
}
