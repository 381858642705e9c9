import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pc from 'picocolors';
import type { ContractFinding, ContractModel } from '../coherence/contract-model.js';
import { printContracts } from '../coherence/print-contracts.js';
import type { ScaffoldFile, ScaffoldPlan } from '../coherence/scaffold.js';
import type { PlannedScaffold } from '../coherence/scaffold-for-tests.js';
import { planTestsScaffold } from '../coherence/scaffold-for-tests.js';
import { ConfigError, UsageError } from '../core/errors.js';
import type { FileChange } from '../core/file-change.js';
import { describeRecovery, recoverWriteBacks } from '../workspace/recover-write-back.js';
import { createRunId, unifiedDiff } from '../workspace/run-files.js';
import { writeBack } from '../workspace/write-back.js';
import { askApproval } from './approve.js';
import { colorDiff } from './color-diff.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './io.js';

/** The flags of `redgreen scaffold`, as commander gives them. */
export interface ScaffoldCommandOptions {
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** What became of the planned files. */
type Outcome = 'scaffolded' | 'nothing-to-do' | 'dry-run' | 'not-applied' | 'refused';

/** `redgreen scaffold`: read what the tests expect, compare it with the code, and write typed stubs for what is missing. */
export async function runScaffoldCommand(dir: string, flags: ScaffoldCommandOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const projectDir = resolve(io.cwd, dir);
  const info = await stat(projectDir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new ConfigError(`project directory not found: ${projectDir}`);
  if (flags.yes === true && flags.dryRun === true) throw new UsageError('--yes and --dry-run contradict each other: choose one');
  return scaffoldProject(projectDir, await planTestsScaffold(projectDir), flags, io, signal);
}

/** The command after planning: show, and (approved, or with `--yes`) write through the write-back transaction. */
export async function scaffoldProject(
  projectDir: string,
  { model, findings, plan }: PlannedScaffold,
  flags: ScaffoldCommandOptions,
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> {
  const c = pc.createColors(io.color);
  if (plan.status === 'refused') {
    for (const problem of plan.problems) io.stderr(`${c.red('error')} ${problem.file}:${problem.line}: ${problem.message}\n`);
    io.stderr('nothing scaffolded: a test file could not be read as code; fix it and run again\n');
    return finish(io, flags, { outcome: 'refused', model, findings, plan }, exitCodes.usage);
  }
  if (flags.json !== true && model.modules.length > 0) io.stderr(`${c.dim('what the tests expect:')}\n${printContracts(model).trimEnd()}\n\n`);
  if (flags.json !== true) printReport(io, findings, plan, c);
  if (plan.files.length === 0) {
    if (flags.json !== true) io.stderr('nothing to scaffold: every module, export and member the tests use exists\n');
    return finish(io, flags, { outcome: 'nothing-to-do', model, findings, plan }, exitCodes.green);
  }
  const changes: FileChange[] = plan.files.map((file) => ({ file: file.path, before: file.before, after: file.after }));
  if (flags.json !== true) io.stdout(`${colorDiff(unifiedDiff(changes), io.stdoutColor === true)}\n`);
  const count = `${plan.files.length} file${plan.files.length === 1 ? '' : 's'}`;
  if (flags.dryRun === true) {
    if (flags.json !== true) io.stderr(`dry run: ${count} would be written; nothing was\n`);
    return finish(io, flags, { outcome: 'dry-run', model, findings, plan }, exitCodes.green);
  }
  let approved = flags.yes === true;
  if (!approved && io.isInteractive && flags.json !== true) {
    const answer = await askApproval(`Write these stubs to ${count}?`, io.stdin, io.prompt, signal);
    if (answer === 'interrupted') {
      io.stderr('interrupted at the approval prompt: nothing written\n');
      return exitCodes.interrupted;
    }
    approved = answer === 'yes';
  }
  if (!approved) {
    const why = io.isInteractive && flags.json !== true ? 'not approved' : 'no terminal to ask for approval and no --yes';
    if (flags.json !== true) io.stderr(`not written: ${why}\n`);
    return finish(io, flags, { outcome: 'not-applied', model, findings, plan }, exitCodes.green);
  }
  // A write-back that a crash cut short is finished or rolled back first: write-back refuses to start over one.
  for (const recovered of await recoverWriteBacks(projectDir)) io.stderr(`${describeRecovery(recovered)}\n`);
  const written = await writeBack(projectDir, changes, createRunId());
  if (flags.json !== true) io.stderr(`${c.green('scaffolded')} ${count} (originals backed up in ${written.backupDir})\n`);
  return finish(io, flags, { outcome: 'scaffolded', model, findings, plan, backupDir: written.backupDir }, exitCodes.green);
}

function printReport(
  io: CliIo,
  findings: readonly ContractFinding[],
  plan: Extract<ScaffoldPlan, { status: 'planned' }>,
  c: ReturnType<typeof pc.createColors>,
): void {
  const lines: string[] = [];
  for (const finding of findings) lines.push(`${c.yellow(finding.kind)} ${finding.message}`);
  for (const missing of plan.missingPackages) {
    const where = missing.importedBy.map((at) => `${at.file}:${at.line}`).join(', ');
    lines.push(`${c.yellow('missing-package')} \`${missing.specifier}\` is not installed (${where} imports it): install it; it is not stubbed`);
  }
  for (const conflict of plan.conflicts) lines.push(`${c.yellow('conflict')} ${conflict.message} (scaffolded as the first test reads it)`);
  for (const note of plan.skipped) lines.push(`${c.dim('not scaffolded')} ${note.message}`);
  if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`);
}

interface Report {
  readonly outcome: Outcome;
  readonly model: ContractModel;
  readonly findings: readonly ContractFinding[];
  readonly plan: ScaffoldPlan;
  readonly backupDir?: string;
}

/** Prints the JSON object under `--json` and returns the exit code. */
function finish(io: CliIo, flags: ScaffoldCommandOptions, report: Report, exitCode: number): number {
  if (flags.json === true) io.stdout(`${JSON.stringify(toJson(report, exitCode))}\n`);
  return exitCode;
}

/** The `--json` object (schemaVersion 1): what the tests expect that the code lacks, and the files written or planned. */
export function toJson(report: Report, exitCode: number): Record<string, unknown> {
  const planned = report.plan.status === 'planned' ? report.plan : undefined;
  const files: readonly ScaffoldFile[] = planned?.files ?? [];
  return {
    schemaVersion: 1,
    status: report.outcome,
    exitCode,
    findings: report.findings,
    /** What the tests expect, as a TypeScript declaration summary. */
    expected: report.model.modules.length === 0 ? '' : printContracts(report.model),
    files: files.map((file) => ({ path: file.path, change: file.change })),
    skipped: planned?.skipped ?? [],
    missingPackages: report.model.missingPackages,
    conflicts: report.model.conflicts,
    problems: report.model.problems,
    ...(report.backupDir === undefined ? {} : { backupDir: report.backupDir }),
  };
}
