import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { TypecheckBaseline, TypecheckReply, TypecheckRequest } from './typecheck-protocol.js';
import type { TypecheckResult } from './typecheck-session.js';

export interface TypecheckWorkerOptions {
  /** The sandbox root: diagnostics' paths are relative to it (see `TypecheckSessionOptions`). */
  readonly root: string;
  /** Where the project's tsconfig.json is looked for, when it is not the root. */
  readonly projectDir?: string;
  /** Root-relative files left out of the check unless a checked file imports them (the loop's test files). */
  readonly skipped?: readonly string[];
  /** Memory limits of the worker's heap; past them the worker dies and the client reports it stopped. */
  readonly resourceLimits?: ResourceLimits;
}

/** A type-check session in a worker thread: its baseline check runs beside the caller's own work. */
export interface TypecheckWorker {
  /**
   * The session's baseline once the worker has taken it, or why there is none: no config to check with, or
   * the worker stopped (crashed, threw or was closed) first. Never rejects.
   */
  readonly baseline: Promise<TypecheckBaseline>;
  /**
   * Re-checks after `changed` (see `TypecheckSession.check`); `skipped` names those of them the check leaves out.
   * Waits for the baseline first.
   * @throws Error when the session is off, the check threw, or the worker stopped before answering.
   */
  check(changed: readonly string[], skipped?: readonly string[]): Promise<TypecheckResult>;
  /** Terminates the worker; pending checks reject. Idempotent. */
  close(): Promise<void>;
}

/** The compiled entry beside this file in dist; from the sources, the .ts entry started through tsx. */
const fromSources = import.meta.url.endsWith('.ts');
const entry = new URL(fromSources ? './typecheck-worker.ts' : './typecheck-worker.js', import.meta.url);
const bootstrap = new URL('./runtime/ts-worker.mjs', import.meta.url);

let live = 0;

/** How many type-check workers are running: started and not yet exited. */
export function liveTypecheckWorkers(): number {
  return live;
}

/**
 * Starts a worker thread and has it open a session on the project at `root` at once (the baseline, a full
 * check, is the expensive part). Returns immediately. The worker holds the process open only while it has
 * work (the baseline, a check); idle, it would not keep a finished process alive, but it must still be closed.
 */
export function openTypecheckWorker(options: TypecheckWorkerOptions): TypecheckWorker {
  const worker = fromSources
    ? new Worker(bootstrap, { workerData: { entry: entry.href }, ...limits(options) })
    : new Worker(fileURLToPath(entry), limits(options));
  live++;
  let stopped: string | undefined;
  let seq = 0;
  const waiting = new Map<number, { resolve: (result: TypecheckResult) => void; reject: (error: Error) => void }>();
  let settleBaseline: (baseline: TypecheckBaseline) => void = () => undefined;
  const baseline = new Promise<TypecheckBaseline>((resolve) => (settleBaseline = resolve));
  let opened = false;
  const idle = () => {
    if (opened && waiting.size === 0) worker.unref();
  };

  const stop = (reason: string): void => {
    if (stopped !== undefined) return;
    stopped = reason;
    settleBaseline({ status: 'off', reason });
    for (const waiter of waiting.values()) waiter.reject(new Error(reason));
    waiting.clear();
  };
  worker.on('message', (message: TypecheckReply) => {
    if (message.type === 'opened') {
      opened = true;
      settleBaseline(message.baseline);
    } else if (message.type === 'checked') {
      waiting.get(message.seq)?.resolve(message.result);
      waiting.delete(message.seq);
    } else if (message.seq === undefined) {
      opened = true;
      settleBaseline({ status: 'off', reason: `the type check failed to open: ${message.message}` });
    } else {
      waiting.get(message.seq)?.reject(new Error(`the type check failed: ${message.message}`));
      waiting.delete(message.seq);
    }
    idle();
  });
  worker.on('error', (error) => stop(`the type-check worker crashed: ${error.message}`));
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', (code) => {
      live--;
      stop(`the type-check worker exited (code ${code})`);
      resolve();
    }),
  );
  const open: TypecheckRequest = { type: 'open', root: options.root, projectDir: options.projectDir ?? options.root, skipped: options.skipped ?? [] };
  worker.postMessage(open);

  return {
    baseline,
    async check(changed, skipped = []) {
      const base = await baseline;
      if (base.status === 'off') throw new Error(base.reason);
      if (stopped !== undefined) throw new Error(stopped);
      const id = ++seq;
      const result = new Promise<TypecheckResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.ref();
      const request: TypecheckRequest = { type: 'check', seq: id, changed, skipped };
      worker.postMessage(request);
      return result;
    },
    async close() {
      stop('the type check was closed');
      await worker.terminate();
      await exited;
    },
  };
}

function limits(options: TypecheckWorkerOptions): { resourceLimits?: ResourceLimits } {
  return options.resourceLimits === undefined ? {} : { resourceLimits: options.resourceLimits };
}
