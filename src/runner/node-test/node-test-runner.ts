import { buildReport } from '../core/build-report.js';
import { emptyReport } from '../core/empty-report.js';
import { leafTitlePattern, scopeFiles } from '../core/name-filter.js';
import { runProcess } from '../core/run-process.js';
import { createRunDir, projectRoots, runnerEnv } from '../core/run-dir.js';
import { readEvents } from '../core/runner-events.js';
import type { RunOptions, TestRunner } from '../test-runner.js';
import type { TestReport } from '../types.js';
import { nodeTestReporterSource } from './node-test-reporter-source.js';

/**
 * Runs `node --test` with the Node that runs redgreen. Without a scope Node finds the test files itself,
 * with its own default patterns. A name filter matches leaf titles only (Node tests each title on its own
 * and runs every suite so nested tests can match); the report drops what was not requested.
 */
export function createNodeTestRunner(): TestRunner {
  return {
    name: 'node-test',
    async run(cwd: string, options: RunOptions): Promise<TestReport> {
      const files = scopeFiles(options.tests, options.files);
      if (files?.length === 0 || options.tests?.length === 0) return emptyReport('node-test');
      const runDir = await createRunDir();
      try {
        const reporter = await runDir.write('redgreen-node-test-reporter.mjs', nodeTestReporterSource);
        const args = ['--test', `--test-reporter=${reporter}`, '--test-reporter-destination=stderr', '--test-reporter=spec', '--test-reporter-destination=stdout'];
        if (options.tests) args.push(`--test-name-pattern=${leafTitlePattern(options.tests)}`);
        if (files) args.push(...files);
        const outcome = await runProcess({
          command: process.execPath,
          args,
          cwd,
          env: runnerEnv(options.env, runDir.eventsFile),
          timeoutMs: options.timeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        return buildReport({
          runner: 'node-test',
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
