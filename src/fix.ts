import picomatch from 'picomatch';
import type { Denoiser } from './denoise/denoiser.js';
import { createLlmDenoiser } from './denoise/llm-denoiser.js';
import { getEditFormat } from './edit/edit-formats.js';
import { ConfigError } from './errors.js';
import type { RunReporter } from './events.js';
import { combineReporters } from './events.js';
import type { RunResult } from './loop/run-result.js';
import { runLoop } from './loop/run-loop.js';
import { createProvider } from './provider/provider-registry.js';
import { createRunner, detectRunner, isTestFile as isRunnerTestFile } from './runner/runner-registry.js';
import type { TestRunner } from './runner/test-runner.js';
import { createRunId } from './workspace/run-files.js';
import { createSandbox } from './workspace/sandbox.js';

export interface FixOptions {
  readonly projectDir: string;
  /** `scripted:<file>` or `openai:<model>`. */
  readonly model: string;
  /** `vitest`, `jest`, `node-test` or `command:<cmd>`; detected when absent. */
  readonly runner?: string;
  readonly maxSteps?: number;
  /** Globs of the test files that define the goal. */
  readonly tests?: readonly string[];
  /** Globs of the files that may be edited. */
  readonly src?: readonly string[];
  readonly allowTestEdits?: boolean;
  readonly testTimeoutMs?: number;
  readonly budgetSeconds?: number;
  readonly editFormat?: string;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly reporters?: readonly RunReporter[];
  /** Called when a reporter throws; the run goes on. */
  readonly onReporterError?: (error: unknown) => void;
  readonly signal?: AbortSignal;
}

export interface FixSession {
  readonly result: RunResult;
  readonly sandboxDir: string;
  /** Removes the sandbox, or keeps it for inspection. */
  dispose(options?: { keep?: boolean }): Promise<void>;
}

export const fixDefaults = { maxSteps: 5, testTimeoutMs: 60_000, editFormat: 'search-replace' } as const;

/** Runs the red→green loop on a sandbox copy of the project. The project itself is never written here. */
export async function fix(options: FixOptions): Promise<FixSession> {
  const runner = options.runner ? createRunner(options.runner) : await detectRunner(options.projectDir);
  const denoiser = createDenoiser(options);
  const runId = createRunId();
  const sandbox = await createSandbox(options.projectDir);
  const reporter = combineReporters(options.reporters ?? [], (_hook, error) => options.onReporterError?.(error));
  try {
    const files = await sandbox.listFiles();
    const goal = options.tests && options.tests.length > 0 ? picomatch([...options.tests], { dot: true }) : undefined;
    const testFiles = goal ? files.filter((f) => goal(f)) : undefined;
    if (testFiles !== undefined && testFiles.length === 0) {
      throw new ConfigError(`no file in the project matches --tests ${options.tests?.join(' ')}`);
    }
    const isTestFile = (file: string) => isRunnerTestFile(runner.name, file) || (goal?.(file) ?? false);
    await reporter.onRunStart({ runId, projectDir: options.projectDir, sandboxDir: sandbox.root, runner: runner.name, denoiser: denoiser.name, maxSteps: options.maxSteps ?? fixDefaults.maxSteps });
    const result = await runLoop({
      runId,
      sandbox,
      runner,
      denoiser,
      reporter,
      isTestFile,
      signal: options.signal,
      options: {
        maxSteps: options.maxSteps ?? fixDefaults.maxSteps,
        testFiles,
        srcGlobs: options.src,
        allowTestEdits: options.allowTestEdits ?? false,
        testTimeoutMs: options.testTimeoutMs ?? fixDefaults.testTimeoutMs,
        budgetSeconds: options.budgetSeconds,
      },
    });
    return { result, sandboxDir: sandbox.root, dispose: (o) => sandbox.dispose(o) };
  } catch (error) {
    await sandbox.dispose({ keep: false });
    throw error;
  } finally {
    await Promise.allSettled([disposeRunner(runner), denoiser.dispose?.()]);
  }
}

function createDenoiser(options: FixOptions): Denoiser {
  const provider = createProvider(options.model, { cwd: process.cwd() });
  return createLlmDenoiser({
    provider,
    editFormat: getEditFormat(options.editFormat ?? fixDefaults.editFormat),
    temperature: options.temperature,
    maxTokens: options.maxTokens,
  });
}

async function disposeRunner(runner: TestRunner): Promise<void> {
  await runner.dispose?.();
}
