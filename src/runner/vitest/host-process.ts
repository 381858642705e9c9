import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { RunnerError } from '../../core/errors.js';
import { containLaunch } from '../../isolation/boundary.js';
import { logProcess } from '../core/log-process.js';
import { createOutputBuffer } from '../core/output-buffer.js';
import { killGroup, trackGroup, untrackGroup } from '../core/process-groups.js';
import type { HostReply, HostRequest } from './host-protocol.js';

export interface HostProcessOptions {
  readonly script: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly startTimeoutMs: number;
  /** Dirs outside the cwd's sandbox the host must write (its run dir); see isolation/boundary.ts. */
  readonly writable?: readonly string[];
}

/** What a request came to: the reply, or the host stopped making progress (and was killed), or it died. */
export type HostOutcome =
  { readonly status: 'reply'; readonly reply: HostReply } | { readonly status: 'stalled' } | { readonly status: 'exited'; readonly output: string };

export interface RequestOptions {
  /** Kill the host when `progressFile` has not grown for this long (a candidate that blocks a worker). */
  readonly stallMs: number;
  readonly progressFile?: string;
}

type RequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'seq'> : never) : never;

/** A warm host in its own process group, driven over the IPC channel. */
export interface HostProcess {
  request(body: RequestBody, options: RequestOptions): Promise<HostOutcome>;
  readonly alive: boolean;
  kill(): void;
}

const pollMs = 50;

/**
 * Forks the host script detached (its own process group, so that killing it takes every worker with it) and
 * waits for its `ready`.
 * @throws RunnerError when the host reports a fatal start-up error, exits, or is not ready in time.
 */
export async function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const output = createOutputBuffer();
  const launch = containLaunch({
    command: process.execPath,
    args: [options.script],
    cwd: options.cwd,
    env: options.env,
    ...(options.writable ? { writable: options.writable } : {}),
  });
  const child: ChildProcess = spawn(launch.command, launch.args, {
    cwd: options.cwd,
    env: launch.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const pid = child.pid;
  if (pid !== undefined) trackGroup(pid);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  let alive = true;
  const waiters = new Map<number, (outcome: HostOutcome) => void>();
  const exitListeners = new Set<() => void>();
  const kill = (): void => {
    alive = false;
    if (pid !== undefined) {
      killGroup(pid);
      untrackGroup(pid);
    }
    launch.sweep();
  };
  const startedAt = performance.now();
  child.on('exit', (exitCode, signal) => {
    logProcess(process.execPath, [options.script], options.cwd, { exitCode, signal, durationMs: Math.round(performance.now() - startedAt) });
    alive = false;
    kill();
    for (const waiter of waiters.values()) waiter({ status: 'exited', output: output.text() });
    waiters.clear();
    for (const listener of exitListeners) listener();
  });
  child.on('message', (message: HostReply) => {
    if (!('seq' in message)) return;
    const waiter = waiters.get(message.seq);
    waiters.delete(message.seq);
    waiter?.({ status: 'reply', reply: message });
  });

  await new Promise<void>((resolve, reject) => {
    const fail = (message: string, cause?: unknown): void => {
      clearTimeout(timer);
      kill();
      reject(new RunnerError(message, cause === undefined ? undefined : { cause }));
    };
    const timer = setTimeout(() => fail(`the validation session did not start within ${options.startTimeoutMs} ms\n${output.text()}`), options.startTimeoutMs);
    const onExit = (): void => fail(`the validation session exited while starting\n${output.text()}`);
    exitListeners.add(onExit);
    child.on('error', (error) => fail('could not start the validation session', error));
    child.on('message', (message: HostReply) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        exitListeners.delete(onExit);
        resolve();
      } else if (message.type === 'fatal') fail(`the project's vitest could not be started: ${message.message}`);
    });
  });

  let seq = 0;
  return {
    get alive() {
      return alive;
    },
    kill,
    request(body, requestOptions) {
      if (!alive) return Promise.resolve({ status: 'exited', output: output.text() });
      const id = ++seq;
      return new Promise<HostOutcome>((resolve) => {
        let lastSize = -1;
        let lastChange = Date.now();
        let watching = true;
        const finish = (outcome: HostOutcome): void => {
          watching = false;
          resolve(outcome);
        };
        waiters.set(id, finish);
        const watch = async (): Promise<void> => {
          while (watching) {
            await new Promise((wake) => setTimeout(wake, pollMs));
            if (!watching) return;
            const size = requestOptions.progressFile
              ? await stat(requestOptions.progressFile).then(
                  (info) => info.size,
                  () => 0,
                )
              : 0;
            if (size !== lastSize) {
              lastSize = size;
              lastChange = Date.now();
            } else if (Date.now() - lastChange > requestOptions.stallMs && waiters.has(id)) {
              waiters.delete(id);
              kill();
              finish({ status: 'stalled' });
            }
          }
        };
        void watch();
        child.send({ ...body, seq: id });
      });
    },
  };
}
