import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../config/load-config.js';
import type { FixFlagValues } from '../config/options.js';
import { debug } from '../debug.js';
import type { RedgreenConfig } from '../config/schema.js';
import { ConfigError, describeError, UsageError } from '../core/errors.js';
import { fix } from '../fix.js';
import type { FixOptions, FixSession } from '../fix.js';
import type { RunResult } from '../core/run-result.js';
import { locateProject } from '../workspace/locate-project.js';
import { describeRecovery, listPendingWriteBacks, recoverWriteBacks } from '../workspace/recover-write-back.js';
import { claimTempDir, cleanOldTempDirs, releaseTempDir } from '../workspace/sandbox-retention.js';
import { deliverFix } from './deliver-fix.js';
import type { DeliverResult } from './deliver-fix.js';
import { colorDiff } from './color-diff.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './io.js';
import type { JsonWarning } from './json-contract.js';
import { jsonError } from './json-error.js';
import { printSensitiveEdits } from './sensitive-edits.js';
import { printSummary, toJson } from './summary.js';
import { createTerminalReporter } from './terminal-reporter.js';

/** The flags of `redgreen fix`, as commander gives them (absent when not given); declared in the options table. */
export type FixCommandOptions = FixFlagValues;

/** `redgreen fix`: run the loop, then deliver the result (apply, save the patch, or only show it). */
export async function runFixCommand(dir: string, flags: FixCommandOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const projectDir = resolve(io.cwd, dir);
  await assertDirectory(projectDir);
  if (flags.yes === true && flags.dryRun === true) throw new UsageError('--yes and --dry-run contradict each other: choose one');
  await recoverInterruptedWriteBacks((await locateProject(projectDir)).root, flags.dryRun === true, io);
  const { config, source } = await loadConfig(projectDir, { cwd: io.cwd, ...(flags.config === undefined ? {} : { file: flags.config }) });
  debug('config', source === undefined ? `no config file for ${projectDir}` : `settings from ${source}`);
  const settings = { ...config, ...definedOnly(flags) };
  debug(
    'config',
    () =>
      `runner ${settings.runner === undefined ? 'to be detected' : `${settings.runner} (${flags.runner === undefined ? 'config' : 'flag'})`}; model ${settings.model ?? 'builtin (default)'}`,
  );
  // Sandboxes that earlier runs kept (red runs, killed runs) go once they are past their retention period.
  await cleanOldTempDirs();

  const options = toFixOptions(projectDir, settings);
  let sandboxDir: string | undefined;
  let session: FixSession;
  const warnings: JsonWarning[] = [];
  const runStarted = performance.now();
  try {
    session = await fix({
      ...options,
      modelSettings: {
        ...options.modelSettings,
        onWarning: (message) => {
          warnings.push({ kind: 'model', message });
          io.stderr(`warning: ${message}\n`);
        },
      },
      reporters: [
        createTerminalReporter({ write: io.stderr, color: io.color }),
        // The sandbox is marked as this process's, so that a concurrent run's clean-up leaves it alone.
        {
          onRunStart: async (event) => {
            debug('run', `runner ${event.runner}, denoiser ${event.denoiser}, isolation ${event.isolation?.mode ?? 'off'}; sandbox ${event.sandboxDir}`);
            sandboxDir = event.sandboxDir;
            await claimTempDir(event.sandboxDir);
          },
        },
      ],
      onReporterError: (error) => io.stderr(`warning: a progress reporter failed: ${String(error)}\n`),
      ...(signal ? { signal } : {}),
      onRetry: (info) => io.stderr(`  model request failed (${describeError(info.error)}); retry ${info.attempt} in ${(info.delayMs / 1000).toFixed(1)}s\n`),
    });
  } catch (error) {
    if (sandboxDir !== undefined) await releaseTempDir(sandboxDir);
    // Whatever a stopped run threw on its way out (a baseline cut short finds "no tests") is the interruption.
    if (signal?.aborted !== true) throw error;
    io.stderr('stopped: interrupted before the run had a result; your files are unchanged\n');
    if (flags.json === true)
      io.stdout(`${JSON.stringify(jsonError('interrupted', 'interrupted before the run had a result; your files are unchanged', exitCodes.interrupted))}\n`);
    return exitCodes.interrupted;
  }
  const { result } = session;
  debug('time', `run ${Math.round(performance.now() - runStarted)}ms (baseline and ${result.attempts.length} steps in ${result.durationMs}ms)`);
  // A red run keeps its sandbox for inspection; one the user stopped has nothing to inspect.
  const keep = flags.keepSandbox === true || (result.status === 'red' && result.stopReason !== 'interrupted');
  let exitCode: number;
  try {
    if (flags.json !== true && result.diff !== '') io.stdout(`${colorDiff(result.diff, io.stdoutColor === true)}\n`);
    printSensitiveEdits(result, io);
    // Changes are relative to the workspace root when the user named a package: write back there.
    const delivered = await deliverFix(session.projectRoot, result, { ...flags, ...(signal ? { signal } : {}) }, io);
    exitCode = exitCodeOf(result, delivered);
    const sandbox = keep ? session.sandboxDir : undefined;
    if (flags.json === true) {
      const extras = {
        exitCode,
        isolation: session.isolation,
        warnings,
        ...(sandbox === undefined ? {} : { sandboxDir: sandbox }),
        ...(session.cost === undefined ? {} : { cost: session.cost }),
      };
      io.stdout(`${JSON.stringify(toJson(result, delivered.delivery, extras))}\n`);
    } else printSummary(result, delivered.delivery, sandbox, io, session.cost);
  } finally {
    await session.dispose({ keep });
    if (!keep) await releaseTempDir(session.sandboxDir);
    // With several chains the kept sandbox may not be the one claimed at the start, which is gone by now.
    if (sandboxDir !== undefined && sandboxDir !== session.sandboxDir) await releaseTempDir(sandboxDir);
  }
  if (result.backendError !== undefined) io.stderr(`${io.color ? pc.red('error') : 'error'} ${result.backendError}\n`);
  return exitCode;
}

function exitCodeOf(result: RunResult, delivered: DeliverResult): number {
  if (result.stopReason === 'interrupted' || delivered.interrupted === true) return exitCodes.interrupted;
  // A back end that failed past its retries has its own code; what earlier steps achieved is saved as a patch.
  if (result.backendError !== undefined) return exitCodes.model;
  // A verified fix that could not be written was not delivered: the project is still red.
  if (delivered.refused === true) return exitCodes.red;
  return result.status === 'red' ? exitCodes.red : exitCodes.green;
}

type Settings = RedgreenConfig & Omit<FixCommandOptions, 'yes' | 'dryRun' | 'json' | 'keepSandbox' | 'config'>;

/**
 * Flags and project settings merged into library options; the library supplies the defaults. Where a setting
 * feeds an option of another name, the options table says so (`feeds`), and a test holds this to it.
 */
export function toFixOptions(projectDir: string, s: Settings): Omit<FixOptions, 'reporters'> {
  return {
    projectDir,
    model: s.model,
    runner: s.runner,
    maxSteps: s.maxIter,
    tests: s.tests,
    src: s.src,
    allowTestEdits: s.allowTestEdits,
    scaffold: s.scaffold,
    allowEdit: s.allowEdit,
    testTimeoutMs: s.testTimeout === undefined ? undefined : s.testTimeout * 1000,
    hangTimeoutMs: s.hangTimeout === undefined ? undefined : s.hangTimeout * 1000,
    budgetSeconds: s.budgetSeconds,
    schedule: s.schedule,
    noiseThresholds: s.noiseThresholds,
    stallSteps: s.stallSteps,
    chains: s.chains,
    concurrency: s.concurrency,
    beam: s.beam,
    budgetTokens: s.budgetTokens,
    editFormat: s.editFormat,
    formatRetries: s.formatRetries,
    infill: s.infill,
    maxCandidates: s.maxCandidates,
    isolation: s.isolation,
    allowNetwork: s.allowNetwork,
    passEnv: s.passEnv,
    ...(s.memoryLimit === undefined ? {} : { limits: { memoryBytes: s.memoryLimit * 1024 * 1024 } }),
    flakyReruns: s.flakyReruns,
    typecheck: s.typecheck,
    prices: s.prices,
    modelSettings: {
      temperature: s.temperature,
      maxTokens: s.maxTokens,
      contextSize: s.contextSize,
      timeoutMs: s.modelTimeout === undefined ? undefined : s.modelTimeout * 1000,
      maxReplyBytes: s.maxReplyBytes,
      seed: s.seed,
      stream: s.stream,
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A write-back that a crash cut short is finished or rolled back before anything else; under `--dry-run`,
 * which promises not to touch the project, it is only reported.
 */
async function recoverInterruptedWriteBacks(root: string, dryRun: boolean, io: CliIo): Promise<void> {
  if (dryRun) {
    for (const runId of await listPendingWriteBacks(root)) {
      io.stderr(`warning: the write-back of run ${runId} was interrupted; run redgreen without --dry-run to finish it or roll it back\n`);
    }
    return;
  }
  for (const recovered of await recoverWriteBacks(root)) io.stderr(`${describeRecovery(recovered)}\n`);
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new ConfigError(`project directory not found: ${dir}`);
}
