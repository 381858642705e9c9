import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../config/load-config.js';
import type { RedgreenConfig } from '../config/schema.js';
import { ConfigError, describeError, UsageError } from '../errors.js';
import { fix } from '../fix.js';
import type { FixOptions } from '../fix.js';
import type { RunResult } from '../loop/run-result.js';
import { writeBack } from '../workspace/write-back.js';
import { locateProject } from '../workspace/locate-project.js';
import { describeRecovery, recoverWriteBacks } from '../workspace/recover-write-back.js';
import { writeRunPatch } from '../workspace/run-files.js';
import { askApproval } from './approve.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './io.js';
import { printSensitiveEdits } from './sensitive-edits.js';
import { printSummary, toJson } from './summary.js';
import type { Delivery } from './summary.js';
import { createTerminalReporter } from './terminal-reporter.js';

/** The flags of `redgreen fix`, as commander gives them (absent when not given). */
export interface FixCommandOptions {
  readonly model?: string;
  readonly maxIter?: number;
  readonly tests?: string[];
  readonly src?: string[];
  readonly runner?: string;
  readonly editFormat?: string;
  readonly formatRetries?: number;
  readonly testTimeout?: number;
  readonly hangTimeout?: number;
  readonly budgetSeconds?: number;
  readonly budgetTokens?: number;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly contextSize?: number;
  readonly modelTimeout?: number;
  readonly maxReplyBytes?: number;
  readonly seed?: number;
  readonly stream?: boolean;
  readonly infill?: boolean;
  readonly maxCandidates?: number;
  readonly isolation?: 'strict' | 'basic' | 'off';
  readonly allowNetwork?: boolean;
  readonly passEnv?: string[];
  readonly memoryLimit?: number;
  readonly flakyReruns?: number;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly allowTestEdits?: boolean;
  readonly allowEdit?: string[];
  readonly keepSandbox?: boolean;
}

/** `redgreen fix`: run the loop, then deliver the result (apply, save the patch, or only show it). */
export async function runFixCommand(dir: string, flags: FixCommandOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const projectDir = resolve(io.cwd, dir);
  await assertDirectory(projectDir);
  if (flags.yes === true && flags.dryRun === true) throw new UsageError('--yes and --dry-run contradict each other: choose one');
  for (const recovered of await recoverWriteBacks((await locateProject(projectDir)).root)) io.stderr(`${describeRecovery(recovered)}\n`);
  const { config } = await loadConfig(projectDir);
  const settings = { ...config, ...definedOnly(flags) };

  const options = toFixOptions(projectDir, settings);
  const session = await fix({
    ...options,
    modelSettings: { ...options.modelSettings, onWarning: (message) => io.stderr(`warning: ${message}\n`) },
    reporters: [createTerminalReporter({ write: io.stderr, color: io.color })],
    onReporterError: (error) => io.stderr(`warning: a progress reporter failed: ${String(error)}\n`),
    ...(signal ? { signal } : {}),
    onRetry: (info) => io.stderr(`  model request failed (${describeError(info.error)}); retry ${info.attempt} in ${(info.delayMs / 1000).toFixed(1)}s\n`),
  });
  const { result } = session;
  const keep = flags.keepSandbox === true || result.status === 'red';
  try {
    if (flags.json !== true && result.diff !== '') io.stdout(`${result.diff}\n`);
    printSensitiveEdits(result, io);
    // Changes are relative to the workspace root when the user named a package: write back there.
    const delivery = await deliver(session.projectRoot, result, flags, io);
    if (flags.json === true) io.stdout(`${JSON.stringify(toJson(result, delivery, keep ? session.sandboxDir : undefined, session.cost))}\n`);
    else printSummary(result, delivery, keep ? session.sandboxDir : undefined, io, session.cost);
  } finally {
    await session.dispose({ keep });
  }
  if (result.stopReason === 'interrupted') return exitCodes.interrupted;
  if (result.backendError !== undefined) {
    io.stderr(`${io.color ? pc.red('error') : 'error'} ${result.backendError}\n`);
    return exitCodes.model;
  }
  return result.status === 'red' ? exitCodes.red : exitCodes.green;
}

type Settings = RedgreenConfig & Omit<FixCommandOptions, 'yes' | 'dryRun' | 'json' | 'keepSandbox'>;

/** Flags and project settings merged into library options; the library supplies the defaults. */
function toFixOptions(projectDir: string, s: Settings): Omit<FixOptions, 'reporters'> {
  return {
    projectDir,
    model: s.model,
    runner: s.runner,
    maxSteps: s.maxIter,
    tests: s.tests,
    src: s.src,
    allowTestEdits: s.allowTestEdits,
    allowEdit: s.allowEdit,
    testTimeoutMs: s.testTimeout === undefined ? undefined : s.testTimeout * 1000,
    hangTimeoutMs: s.hangTimeout === undefined ? undefined : s.hangTimeout * 1000,
    budgetSeconds: s.budgetSeconds,
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

async function deliver(projectDir: string, result: RunResult, options: FixCommandOptions, io: CliIo): Promise<Delivery> {
  if (result.changes.length === 0) return { kind: 'nothing' };
  if (options.dryRun === true) return { kind: 'dry-run' };
  if (result.stopReason === 'interrupted') {
    return { kind: 'saved', patchFile: await writeRunPatch(projectDir, result.runId, result.diff), reason: 'interrupted; the fix so far is saved, not applied' };
  }
  if (result.status !== 'green') {
    const reason = result.stopReason === 'flaky' ? 'the run ended red on flaky tests; the fix is saved, not applied' : 'the run ended red; the partial fix is saved, not applied';
    return { kind: 'saved', patchFile: await writeRunPatch(projectDir, result.runId, result.diff), reason };
  }
  if (options.yes === true) return apply(projectDir, result);
  if (io.isInteractive && options.json !== true) {
    const files = result.changes.length;
    if (await askApproval(`Apply this fix to ${files} file${files === 1 ? '' : 's'}?`, io.stdin, io.prompt)) return apply(projectDir, result);
    return { kind: 'saved', patchFile: await writeRunPatch(projectDir, result.runId, result.diff), reason: 'not approved' };
  }
  return {
    kind: 'saved',
    patchFile: await writeRunPatch(projectDir, result.runId, result.diff),
    reason: 'no terminal to ask for approval and no --yes',
  };
}

async function apply(projectDir: string, result: RunResult): Promise<Delivery> {
  const written = await writeBack(projectDir, [...result.changes], result.runId);
  return { kind: 'applied', files: written.written, backupDir: written.backupDir };
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new ConfigError(`project directory not found: ${dir}`);
}
