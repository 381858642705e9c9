import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport } from '../core/build-report.js';
import type { FrameworkBin } from '../core/resolve-framework.js';
import { resolveFrameworkBin } from '../core/resolve-framework.js';
import { fullNamePattern, scopeFiles } from '../core/name-filter.js';
import { runProcess } from '../core/run-process.js';
import { createRunDir, projectRoots, runnerEnv } from '../core/run-dir.js';
import { readEvents } from '../core/runner-events.js';
import { emptyReport } from '../core/empty-report.js';
import type { RunOptions, TestRunner } from '../test-runner.js';
import type { TestReport } from '../types.js';
import { vitestReporterSource, vitestSetupSource } from './vitest-reporter-source.js';

function entryUrl(framework: FrameworkBin): string {
  const manifest = JSON.parse(readFileSync(join(framework.packageDir, 'package.json'), 'utf8')) as {
    exports?: { '.'?: { import?: string | { default?: string } } };
  };
  const entry = manifest.exports?.['.']?.import;
  const relative = (typeof entry === 'string' ? entry : entry?.default) ?? './dist/index.js';
  return pathToFileURL(join(framework.packageDir, relative)).href;
}

/** Runs `vitest run` from the project's own vitest (3, 4 and later) with redgreen's streaming reporter. */
export function createVitestRunner(): TestRunner {
  return {
    name: 'vitest',
    async run(cwd: string, options: RunOptions): Promise<TestReport> {
      const files = scopeFiles(options.tests, options.files);
      if (files?.length === 0 || options.tests?.length === 0) return emptyReport('vitest');
      const framework = resolveFrameworkBin(cwd, 'vitest');
      const runDir = await createRunDir();
      try {
        const reporter = await runDir.write('redgreen-vitest-reporter.mjs', vitestReporterSource);
        const setup = await runDir.write('redgreen-vitest-setup.mjs', vitestSetupSource(entryUrl(framework)));
        const args = [framework.bin, 'run', `--reporter=${reporter}`, '--reporter=default', '--watch=false', '--coverage.enabled=false'];
        if (options.tests) args.push('-t', fullNamePattern(options.tests));
        if (files) args.push(...files);
        const env = { ...runnerEnv(options.env, runDir.eventsFile), REDGREEN_VITEST_SETUP: setup };
        const outcome = await runProcess({ command: process.execPath, args, cwd, env, timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
        return buildReport({
          runner: 'vitest',
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
