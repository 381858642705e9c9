import { isAbsolute, relative } from 'node:path';
import { describeFlaky } from '../loop/flaky-tests.js';
import type { RunResult } from '../core/run-result.js';
import { displayName } from '../core/test-report.js';
import type { CliIo } from './io.js';
import type { Delivery, FixJsonResult, JsonWarning } from './json-contract.js';
import { jsonSchemaVersion } from './json-contract.js';
import { sensitiveEditWarnings } from './sensitive-edits.js';

export type { Delivery } from './json-contract.js';

const statusWords: Record<RunResult['status'], string> = {
  green: 'GREEN',
  'already-green': 'already green: nothing to fix',
  red: 'still RED',
};

/** The human verdict on stderr (the diff went to stdout before approval). */
export function printSummary(result: RunResult, delivery: Delivery, sandboxDir: string | undefined, io: CliIo, cost?: number): void {
  const lines = [
    `${statusWords[result.status]}  ${result.baseline.passed}/${result.baseline.total} → ${result.final.passed}/${result.final.total} tests passing  ` +
      `${result.attempts.length} step${result.attempts.length === 1 ? '' : 's'}  ${(result.durationMs / 1000).toFixed(1)}s`,
  ];
  if (result.chains !== undefined) lines.push(describeChains(result.chains));
  if (result.flaky.length > 0) lines.push(`flaky: ${describeFlaky(result.flaky)}`);
  if (result.stallRestarts !== undefined && result.stallRestarts > 0) {
    lines.push(`noise schedule restarted ${result.stallRestarts} time${result.stallRestarts === 1 ? '' : 's'} after steps that found no better state`);
  }
  if (result.status === 'red' && result.stopReason === 'flaky' && result.failures.length === 0) {
    lines.push(`stopped: ${stopWords.flaky}`);
  } else if (result.status === 'red') {
    const why = result.exhaustedReason === undefined ? '' : ` (${result.exhaustedReason})`;
    lines.push(`stopped: ${stopWords[result.stopReason]}${why}; still failing:`);
    lines.push(...result.failures.slice(0, 10).map(({ id, message }) => `  ${id.file} > ${displayName(id)}${message ? `: ${message.slice(0, 200)}` : ''}`));
    if (result.failures.length > 10) lines.push(`  … and ${result.failures.length - 10} more`);
  }
  const r = result.replies;
  if (r.replies > 0 && !result.attempts.every((a) => a.denoiser === 'builtin')) {
    lines.push(
      `replies: ${r.wellFormed}/${r.replies} well-formed, ${r.failedToApply} did not apply, ${r.lazy} elided code; ${r.appliedFirstTry}/${r.steps} steps applied on the first try`,
    );
  }
  if (result.usage.promptTokens + result.usage.completionTokens > 0) {
    const cached = result.usage.cachedTokens ? ` (${result.usage.cachedTokens} cached)` : '';
    lines.push(
      `tokens: ${result.usage.promptTokens} prompt${cached}, ${result.usage.completionTokens} completion${cost === undefined ? '' : `; cost $${cost.toFixed(4)}`}`,
    );
  }
  switch (delivery.kind) {
    case 'applied':
      lines.push(`applied to ${delivery.files.join(', ')}; originals backed up in ${displayPath(io.cwd, delivery.backupDir)}`);
      break;
    case 'saved':
      lines.push(`${delivery.reason}: patch saved to ${displayPath(io.cwd, delivery.patchFile)} (apply with git apply); your files are unchanged`);
      break;
    case 'dry-run':
      lines.push('dry run: your files are unchanged');
      break;
    case 'nothing':
      break;
  }
  if (sandboxDir !== undefined) lines.push(`sandbox kept at ${sandboxDir}`);
  io.stderr(`${lines.join('\n')}\n`);
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

const stopWords: Record<RunResult['stopReason'], string> = {
  green: 'green',
  budget: 'the step budget (--max-iter) is spent',
  time: 'the time budget is spent',
  exhausted: 'the denoiser has nothing more to propose',
  interrupted: 'interrupted',
  flaky: "the only failures left are flaky tests, and the project's own test command did not pass (green needs it to)",
  backend: 'the model back end failed (below)',
};

/** What the command adds to a run's result for `--json`. */
export interface JsonRunExtras {
  readonly exitCode: number;
  readonly isolation: FixJsonResult['isolation'];
  readonly sandboxDir?: string;
  readonly cost?: number;
  /** Notices the run gave besides the fix's own (a model back end's). */
  readonly warnings?: readonly JsonWarning[];
}

/** The `--json` object: the run result plus what was done with it (see json-contract.ts). */
export function toJson(result: RunResult, delivery: Delivery, extras: JsonRunExtras): FixJsonResult {
  return {
    schemaVersion: jsonSchemaVersion,
    runId: result.runId,
    status: result.status,
    exitCode: extras.exitCode,
    stopReason: result.stopReason,
    ...(result.exhaustedReason === undefined ? {} : { exhaustedReason: result.exhaustedReason }),
    ...(result.backendError === undefined ? {} : { backendError: result.backendError }),
    baseline: result.baseline,
    final: result.final,
    stillFailing: result.stillFailing,
    flaky: result.flaky,
    failures: result.failures,
    steps: result.attempts,
    ...(result.scaffold === undefined ? {} : { scaffold: result.scaffold }),
    files: result.changes.map((c) => c.file),
    diff: result.diff,
    warnings: [...sensitiveEditWarnings(result), ...(extras.warnings ?? [])],
    delivery,
    usage: result.usage,
    replies: result.replies,
    ...(extras.cost === undefined ? {} : { costUsd: extras.cost }),
    durationMs: result.durationMs,
    ...(result.stallRestarts === undefined ? {} : { stallRestarts: result.stallRestarts }),
    ...(result.chains === undefined ? {} : { chains: result.chains }),
    ...(extras.sandboxDir === undefined ? {} : { sandboxDir: extras.sandboxDir }),
    isolation: extras.isolation,
  };
}

/** `kept chain 2 (first chain to go green); chains: 1 stopped, 2 green, 3 duplicate` */
function describeChains(chains: NonNullable<RunResult['chains']>): string {
  const each = chains.chains.map((c) => `${c.chain} ${c.outcome}${c.outcome === 'red' ? ` (reward ${c.bestReward})` : ''}`);
  return `kept chain ${chains.kept} (${chains.reason}); chains: ${each.join(', ')}`;
}
