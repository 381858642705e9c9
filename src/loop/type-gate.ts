import { join } from 'node:path';
import type { AttemptTypecheck, TypecheckMode } from '../core/attempts.js';
import type { FileChange } from '../core/file-change.js';
import { debug } from '../debug.js';
import { findConfigFile } from '../coherence/typecheck/config-file.js';
import type { TypecheckResult } from '../coherence/typecheck/typecheck-session.js';
import type { TypecheckWorker, TypecheckWorkerOptions } from '../coherence/typecheck/typecheck-worker-client.js';
import { openTypecheckWorker } from '../coherence/typecheck/typecheck-worker-client.js';
import type { RunContext } from './run-context.js';

/** What the type check makes of an applied proposal. */
export type TypeGateVerdict =
  | { readonly action: 'pass' }
  /** `strict`: revert it and record it refused, its tests not run. */
  | { readonly action: 'refuse'; readonly feedback: readonly string[]; readonly typecheck: AttemptTypecheck }
  /** `warn`: run its tests, and pass the errors on with the outcome. */
  | { readonly action: 'warn'; readonly feedback: readonly string[]; readonly typecheck: AttemptTypecheck };

/** The type check between applying a proposal and running its tests. */
export interface TypeGate {
  /** Starts taking the project's baseline diagnostics in the background, once, and returns at once. */
  prepare(): void;
  /**
   * Settles once the baseline is taken, or the gate is off. The sandbox must not change before: the baseline
   * is the project as the session reads it, and an edit read into it would never count as introduced.
   */
  ready(): Promise<void>;
  /** Checks the files an applied proposal changed (waiting for the baseline, if `ready` was not awaited). */
  review(changes: readonly FileChange[]): Promise<TypeGateVerdict>;
  /** Stops the background check for good; every later review passes. The loop calls it when it ends. Idempotent. */
  close(): Promise<void>;
}

/** Starts the worker a gate checks with (`openTypecheckWorker`; tests pass one with other limits). */
export type OpenTypecheckWorker = (options: TypecheckWorkerOptions) => TypecheckWorker;

/** Most diagnostics shown in full in one attempt's feedback; the rest are counted. */
const shownDiagnostics = 5;

/**
 * The gate of a run. With no `typecheck` option it is `strict` for a project with a tsconfig.json and off
 * otherwise; asked for on a project with no config to check with, it is off (and says why in the debug log).
 * The session lives in a worker thread, so that its baseline (a full check, seconds on a real project) runs
 * while the loop takes its baseline test run. The worker never outlives the gate: `close`, an aborted run, a
 * crash or a check that throws ends it; the last two turn the gate off (with a debug line), never fail the run.
 */
export function createTypeGate(ctx: RunContext, open: OpenTypecheckWorker = openTypecheckWorker): TypeGate {
  const asked = ctx.options.typecheck;
  const mode: Exclude<TypecheckMode, 'off'> = asked === 'warn' ? 'warn' : 'strict';
  const skips = (file: string) => !ctx.options.allowTestEdits && ctx.isTestFile(file);
  let opening: Promise<TypecheckWorker | undefined> | undefined;
  let worker: TypecheckWorker | undefined;
  let closed = asked === 'off';

  const off = (reason: string): void => {
    if (!closed) debug('typecheck', `off: ${reason}`);
    closed = true;
  };
  const close = async (): Promise<void> => {
    closed = true;
    ctx.signal?.removeEventListener('abort', onAbort);
    await opening;
    await worker?.close();
  };
  const onAbort = () => void close();
  const start = async (): Promise<TypecheckWorker | undefined> => {
    const root = ctx.sandbox.root;
    const projectDir = join(root, ctx.options.packageDir ?? '');
    // Unasked, only a tsconfig.json turns the check on; asked for, a jsconfig.json that sets checkJs does too.
    if (findConfigFile(projectDir, root, asked === undefined ? ['tsconfig.json'] : ['tsconfig.json', 'jsconfig.json']) === undefined) {
      off(
        asked === undefined
          ? 'the project has no tsconfig.json (--typecheck strict or warn also checks with a jsconfig.json)'
          : 'the project has no tsconfig.json or jsconfig.json',
      );
      return undefined;
    }
    // Tests that may not be edited are checked by running them; their framework's types would triple the cost.
    const skipped = (await ctx.sandbox.listFiles()).filter(skips);
    if (closed) return undefined;
    const opened = open({ root, projectDir, skipped });
    worker = opened;
    void opened.baseline.then((baseline) => {
      if (baseline.status === 'on') {
        debug('time', `typecheck baseline ${baseline.durationMs}ms in a worker (${baseline.configFile}, ${baseline.baseline.length} errors before any edit)`);
        return;
      }
      off(baseline.reason);
      return opened.close();
    });
    return opened;
  };
  const prepare = (): void => {
    if (opening !== undefined || closed) return;
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    opening = start().catch((error: unknown) => {
      off(`the type check could not start: ${messageOf(error)}`);
      return undefined;
    });
  };

  let waited = false;
  const ready = async (): Promise<TypecheckWorker | undefined> => {
    prepare();
    const opened = await opening;
    if (opened === undefined || closed) return undefined;
    if (!waited) {
      waited = true;
      const started = performance.now();
      await opened.baseline;
      debug('time', `typecheck: waited ${Math.round(performance.now() - started)}ms for the baseline`);
    }
    return closed ? undefined : opened;
  };

  return {
    prepare,
    async ready() {
      await ready();
    },
    async review(changes) {
      const opened = await ready();
      if (opened === undefined) return { action: 'pass' };
      const started = performance.now();
      try {
        const files = changes.map((c) => c.file);
        const result = await opened.check(files, files.filter(skips));
        debug('time', `typecheck ${Math.round(performance.now() - started)}ms: ${result.introduced.length} introduced, ${result.total} in all`);
        return typeGateVerdict(mode, result);
      } catch (error) {
        off(messageOf(error));
        await close();
        return { action: 'pass' };
      }
    },
    close,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a check's result means under `mode`: nothing introduced passes; otherwise refused or warned, in words fed back. */
export function typeGateVerdict(mode: Exclude<TypecheckMode, 'off'>, result: TypecheckResult): TypeGateVerdict {
  const count = result.introduced.length;
  if (count === 0) return { action: 'pass' };
  const errors = `${count} type error${count === 1 ? '' : 's'}`;
  const head = mode === 'strict' ? `refused: the edit introduces ${errors}; its tests did not run:` : `the edit introduces ${errors}:`;
  const shown = result.introduced.slice(0, shownDiagnostics).map((f) => f.formatted);
  const more = count > shownDiagnostics ? [`… and ${count - shownDiagnostics} more`] : [];
  const typecheck: AttemptTypecheck = { mode, introduced: result.introduced.map((f) => f.diagnostic), testsRan: mode === 'warn' };
  return { action: mode === 'strict' ? 'refuse' : 'warn', feedback: [head, ...shown, ...more], typecheck };
}
