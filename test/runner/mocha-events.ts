import { createRunDir, runnerEnv } from '../../src/runner/core/run-dir.js';
import type { ProcessOutcome } from '../../src/runner/core/run-process.js';
import { runProcess } from '../../src/runner/core/run-process.js';
import type { RunnerEvent } from '../../src/runner/core/runner-events.js';
import { readEvents } from '../../src/runner/core/runner-events.js';
import { mochaLaunch } from '../../src/runner/mocha/mocha-runner.js';
import type { RunOptions } from '../../src/core/test-runner.js';

export interface MochaEvents {
  readonly events: readonly RunnerEvent[];
  readonly outcome: ProcessOutcome;
}

/** Runs the mocha launcher in `dir` and returns the raw events it wrote, before any report is built from them. */
export async function mochaEvents(dir: string, options: Pick<RunOptions, 'tests' | 'exclude' | 'files'> = {}, timeoutMs = 30_000): Promise<MochaEvents> {
  const runDir = await createRunDir();
  try {
    const launch = mochaLaunch(dir, options, options.files);
    const outcome = await runProcess({
      command: process.execPath,
      args: [...launch.args],
      cwd: dir,
      env: { ...runnerEnv(undefined, runDir.eventsFile), ...launch.env },
      timeoutMs,
    });
    return { events: await readEvents(runDir.eventsFile), outcome };
  } finally {
    await runDir.remove();
  }
}

/** The results among the events, as `titles joined by ' > '` → statuses, in the order they came. */
export function resultsOf(events: readonly RunnerEvent[]): [string, string][] {
  return events.flatMap((event) => (event.type === 'result' ? [[event.titles.join(' > '), event.status] as [string, string]] : []));
}

/** The file-attributed `error` events, by file name (the last path segment). */
export function loadErrorsOf(events: readonly RunnerEvent[]): { file: string; message: string }[] {
  return events.flatMap((event) => (event.type === 'error' && event.file ? [{ file: event.file.split('/').at(-1) ?? '', message: event.error.message }] : []));
}
