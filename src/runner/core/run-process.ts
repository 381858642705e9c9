import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { containLaunch } from '../../isolation/boundary.js';
import { createOutputBuffer } from './output-buffer.js';
import { logProcess } from './log-process.js';
import { killGroup, trackGroup, untrackGroup, waitForGroupExit } from './process-groups.js';

export interface ProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly shell?: boolean;
  /**
   * Hang detection: once `file` has begun to grow (the framework reports progress there), the run is killed
   * when it stops growing for `afterMs`.
   */
  readonly stall?: { readonly file: string; readonly afterMs: number };
  /** Sees every stdout chunk as it arrives, unbounded (a runner that parses the command's stdout). */
  readonly onStdout?: (chunk: Buffer) => void;
  /** Dirs outside the cwd's sandbox the process must write (a run dir); see isolation/boundary.ts. */
  readonly writable?: readonly string[];
}

export interface ProcessOutcome {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  /** Killed because its progress file stopped growing (see `stall`). */
  readonly stalled?: boolean;
  /** stdout and stderr interleaved, bounded. */
  readonly output: string;
  readonly durationMs: number;
  readonly spawnError?: Error;
}

// After the leader exits, a worker that kept the pipes open must not keep us waiting.
const closeGraceMs = 2_000;

/**
 * Runs a command in its own process group and always resolves: past `timeoutMs`, on abort, and after the
 * leader exits, the whole group is killed so no framework worker outlives the run. A command whose cwd is in a
 * sandbox starts inside that sandbox's boundary (isolation/boundary.ts), which also sweeps what it left.
 */
export function runProcess(options: ProcessOptions): Promise<ProcessOutcome> {
  const started = performance.now();
  const output = createOutputBuffer();
  return new Promise((resolve) => {
    let timedOut = false;
    let aborted = false;
    let stalled = false;
    let settled = false;
    const launch = containLaunch({
      command: options.command,
      args: options.args,
      cwd: options.cwd,
      env: options.env,
      ...(options.writable ? { writable: options.writable } : {}),
    });
    const child = spawn(launch.command, launch.args, {
      cwd: options.cwd,
      env: launch.env,
      detached: true,
      shell: options.shell ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid !== undefined) trackGroup(pid);
    const stop = (): void => {
      if (pid !== undefined) killGroup(pid);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const watchdog = options.stall
      ? watchProgress(options.stall, () => {
          stalled = true;
          stop();
        })
      : undefined;
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk);
      options.onStdout?.(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const finish = (exitCode: number | null, signal: string | null, spawnError?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      watchdog?.stop();
      options.signal?.removeEventListener('abort', onAbort);
      stop();
      launch.sweep();
      if (pid !== undefined) untrackGroup(pid);
      const durationMs = Math.round(performance.now() - started);
      const outcome = {
        exitCode,
        signal,
        timedOut,
        aborted,
        ...(stalled ? { stalled } : {}),
        output: output.text(),
        durationMs,
        ...(spawnError ? { spawnError } : {}),
      };
      logProcess(options.command, options.args, options.cwd, outcome);
      // Resolved only when the group is gone: a caller told "the run is over" must find nothing of it running.
      if (pid === undefined) resolve(outcome);
      else void waitForGroupExit(pid).then(() => resolve(outcome));
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('exit', (code, signal) => {
      stop();
      const grace = setTimeout(() => finish(code, signal), closeGraceMs);
      child.on('close', () => {
        clearTimeout(grace);
        finish(code, signal);
      });
    });
  });
}

const pollMs = 200;

/** Calls `onStall` once the file, after it began to grow, has not grown for `afterMs`. */
function watchProgress(stall: { readonly file: string; readonly afterMs: number }, onStall: () => void): { stop(): void } {
  let lastSize = 0;
  let lastChange = Date.now();
  const timer = setInterval(() => {
    let size = 0;
    try {
      size = statSync(stall.file).size;
    } catch {
      // not written yet
    }
    if (size !== lastSize) {
      lastSize = size;
      lastChange = Date.now();
    } else if (size > 0 && Date.now() - lastChange > stall.afterMs) {
      clearInterval(timer);
      onStall();
    }
  }, pollMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
