import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { fix, fixDefaults } from '../fix.js';
import type { RunResult } from '../loop/run-result.js';
import { writeBack } from '../workspace/write-back.js';
import { writeRunPatch } from '../workspace/run-files.js';
import { askApproval } from './approve.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './io.js';
import { printSummary, toJson } from './summary.js';
import type { Delivery } from './summary.js';
import { createTerminalReporter } from './terminal-reporter.js';

export interface FixCommandOptions {
  readonly model?: string;
  readonly maxIter: number;
  readonly tests?: string[];
  readonly src?: string[];
  readonly runner?: string;
  readonly editFormat?: string;
  readonly testTimeout: number;
  readonly budgetSeconds?: number;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly allowTestEdits?: boolean;
  readonly keepSandbox?: boolean;
}

/** `redgreen fix`: run the loop, then deliver the result (apply, save the patch, or only show it). */
export async function runFixCommand(dir: string, options: FixCommandOptions, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, dir);
  await assertDirectory(projectDir);
  if (options.model === undefined) {
    throw new ConfigError('no denoiser given: pass --model scripted:<file> (recorded replies) or --model openai:<model>');
  }
  if (options.yes === true && options.dryRun === true) throw new UsageError('--yes and --dry-run contradict each other: choose one');

  const session = await fix({
    projectDir,
    model: options.model,
    runner: options.runner,
    maxSteps: options.maxIter,
    tests: options.tests,
    src: options.src,
    allowTestEdits: options.allowTestEdits,
    testTimeoutMs: options.testTimeout * 1000,
    budgetSeconds: options.budgetSeconds,
    editFormat: options.editFormat ?? fixDefaults.editFormat,
    reporters: [createTerminalReporter({ write: io.stderr, color: io.color })],
    onReporterError: (error) => io.stderr(`warning: a progress reporter failed: ${String(error)}\n`),
  });
  const { result } = session;
  const keep = options.keepSandbox === true || result.status === 'red';
  try {
    if (options.json !== true && result.diff !== '') io.stdout(`${result.diff}\n`);
    const delivery = await deliver(projectDir, result, options, io);
    if (options.json === true) io.stdout(`${JSON.stringify(toJson(result, delivery, keep ? session.sandboxDir : undefined))}\n`);
    else printSummary(result, delivery, keep ? session.sandboxDir : undefined, io);
  } finally {
    await session.dispose({ keep });
  }
  return result.status === 'red' ? exitCodes.red : exitCodes.green;
}

async function deliver(projectDir: string, result: RunResult, options: FixCommandOptions, io: CliIo): Promise<Delivery> {
  if (result.changes.length === 0) return { kind: 'nothing' };
  if (options.dryRun === true) return { kind: 'dry-run' };
  if (result.status !== 'green') {
    return { kind: 'saved', patchFile: await writeRunPatch(projectDir, result.runId, result.diff), reason: 'the run ended red; the partial fix is saved, not applied' };
  }
  if (options.yes === true) return apply(projectDir, result);
  if (io.isInteractive && options.json !== true) {
    const files = result.changes.length;
    if (await askApproval(`Apply this fix to ${files} file${files === 1 ? '' : 's'}?`, io.stdin, process.stderr)) return apply(projectDir, result);
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
