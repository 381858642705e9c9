import { normalizeOutput } from '../core/normalize-output.js';
import { runProcess } from '../core/run-process.js';
import { projectEnv, projectRoots } from '../core/run-dir.js';
import type { RunOptions, TestRunner } from '../test-runner.js';
import type { TestReport, TestResult } from '../types.js';

/**
 * The fallback for any framework: runs a shell command and reads only its exit code, as one synthetic test
 * `{ file: '<command>', name: command }`. It cannot scope to tests or files, so it always runs everything.
 */
export function createCommandRunner(command: string): TestRunner {
  const name = `command:${command}`;
  return {
    name,
    async run(cwd: string, options: RunOptions): Promise<TestReport> {
      const outcome = await runProcess({
        command,
        args: [],
        shell: true,
        cwd,
        env: projectEnv(options.env),
        timeoutMs: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const roots = projectRoots(cwd);
      const output = normalizeOutput(outcome.output, roots);
      const id = { file: '<command>', name: command };
      const base = { runner: name, durationMs: outcome.durationMs, output };
      if (outcome.spawnError) return { status: 'error', ...base, results: [], message: `could not run "${command}": ${outcome.spawnError.message}` };
      if (outcome.timedOut || outcome.aborted) return { status: 'timeout', ...base, results: [{ id, status: 'timeout', durationMs: outcome.durationMs }] };
      const passed = outcome.exitCode === 0;
      const result: TestResult = passed
        ? { id, status: 'passed', durationMs: outcome.durationMs }
        : {
            id,
            status: 'failed',
            durationMs: outcome.durationMs,
            failure: { message: `"${command}" exited with ${outcome.signal ?? `code ${outcome.exitCode}`}`, frames: [], output },
          };
      return { status: 'complete', ...base, results: [result] };
    },
  };
}
