import { join } from 'node:path';
import type { RunOptions } from '../../core/test-runner.js';
import type { TestReport } from '../../core/test-report.js';
import { buildReport } from './build-report.js';
import { emptyReport } from './empty-report.js';
import { scopeFiles } from './name-filter.js';
import type { RunDir } from './run-dir.js';
import { createRunDir, projectRoots, runnerEnv } from './run-dir.js';
import { runProcess } from './run-process.js';
import { readEvents } from './runner-events.js';

/** How an adapter starts its framework for one run: the arguments to Node, and extra environment. */
export interface FrameworkLaunch {
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The run every adapter shares: scope the files, give the framework a fresh run dir for its generated
 * reporter, spawn it under the timeout, and build the report from the streamed events. `launch` writes the
 * reporter into the run dir and says how to start the framework on `files` (all when undefined).
 */
export async function runWithReporter(
  runner: string,
  cwd: string,
  options: RunOptions,
  launch: (runDir: RunDir, files: readonly string[] | undefined) => Promise<FrameworkLaunch>,
): Promise<TestReport> {
  const files = scopeFiles(options.tests, options.files);
  if (files?.length === 0 || options.tests?.length === 0) return emptyReport(runner);
  const root = options.root ?? cwd;
  // Frameworks get the files as absolute paths: the cwd may be a package below the root the ids are relative to.
  const launchFiles = files?.map((file) => (root === cwd ? file : join(root, file)));
  const runDir = await createRunDir();
  try {
    const { args, env } = await launch(runDir, launchFiles);
    const outcome = await runProcess({
      command: process.execPath,
      args: [...args],
      cwd,
      env: { ...runnerEnv(options.env, runDir.eventsFile), ...env },
      timeoutMs: options.timeoutMs,
      writable: [runDir.dir],
      ...(options.hangTimeoutMs === undefined ? {} : { stall: { file: runDir.eventsFile, afterMs: options.hangTimeoutMs } }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return buildReport({
      runner,
      roots: projectRoots(root),
      events: await readEvents(runDir.eventsFile),
      outcome,
      ...(options.tests ? { requested: options.tests } : {}),
      ...(files ? { files } : {}),
    });
  } finally {
    await runDir.remove();
  }
}
