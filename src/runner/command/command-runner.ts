import { runProcess } from '../core/run-process.js';
import { projectEnv, projectRoots } from '../core/run-dir.js';
import type { RunOptions, TestRunner } from '../../core/test-runner.js';
import type { TestReport } from '../../core/test-report.js';
import { withProjectBins } from './bin-path.js';
import { commandReport } from './command-report.js';
import { readJunitReports } from './junit-files.js';
import { createTapReader } from './tap-reader.js';
import { tapResults } from './tap-results.js';

// the kernel stamps files from a coarser clock than Date.now(): a report written at once may look a little older
const mtimeSlackMs = 20;

/**
 * The fallback for any framework: runs a shell command with the project's `node_modules/.bin` on PATH and reads
 * per-test results from what it leaves: JUnit XML files it wrote in the project, else TAP on its stdout. The exit
 * code always counts too (see `commandReport`). It cannot scope a run: every run runs everything; `tests` only
 * narrows the report to those tests, `exclude` only leaves those out of it, and `files` is not applied.
 */
export function createCommandRunner(command: string): TestRunner {
  const name = `command:${command}`;
  return {
    name,
    // Results per test only when the command writes TAP or JUnit; every run runs the whole command.
    capabilities: { perTestResults: false, subsets: false, perTestCoverage: false, warmValidation: false },
    async run(cwd: string, options: RunOptions): Promise<TestReport> {
      const roots = projectRoots(cwd);
      const since = Date.now() - mtimeSlackMs;
      const tap = createTapReader();
      const outcome = await runProcess({
        command,
        args: [],
        shell: true,
        cwd,
        env: withProjectBins(projectEnv(options.env), cwd),
        timeoutMs: options.timeoutMs,
        onStdout: (chunk) => tap.write(chunk),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const stream = tap.end();
      const junit = outcome.spawnError ? [] : await readJunitReports(cwd, roots, { since });
      const fromTap = junit.length === 0 && stream.isTap;
      return commandReport({
        command,
        runner: name,
        roots,
        outcome,
        structured: fromTap ? tapResults(stream, roots) : junit,
        ...(fromTap && stream.endedEarly !== undefined ? { endedEarly: stream.endedEarly } : {}),
        ...(options.tests ? { requested: options.tests } : {}),
        ...(options.exclude ? { excluded: options.exclude } : {}),
      });
    },
  };
}
