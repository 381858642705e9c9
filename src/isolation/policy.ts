/**
 * How far redgreen goes to contain the code it runs (the project's tests, with candidate edits applied):
 * - `strict`: an OS-level boundary (bubblewrap on Linux, sandbox-exec on macOS) on top of `basic`;
 * - `basic`: a scrubbed environment, resource limits, a private HOME and TMPDIR, and every process of a run
 *   killed when it ends;
 * - `off`: the tests run with redgreen's own environment and no limits (for debugging the boundary itself).
 */
export type IsolationMode = 'strict' | 'basic' | 'off';

export const isolationModes: readonly IsolationMode[] = ['strict', 'basic', 'off'];

/** Per-process resource limits; a process past one is killed (memory, processes) or gets an error (file size). */
export interface ResourceLimits {
  /** Data segment per process, in bytes; where a control group can be made, also the whole run's memory (at least half the machine's). */
  readonly memoryBytes: number;
  /** Largest file a process may write, in bytes. */
  readonly fileBytes: number;
  /** Processes and threads of the run where a control group can be made, else of the user (not for root). */
  readonly processes: number;
}

export interface IsolationPolicy {
  readonly mode: IsolationMode;
  /** Let tests reach the network; loopback inside the boundary works either way. */
  readonly allowNetwork: boolean;
  /** Environment variables passed through besides the allowlist (an API key the tests need, say). */
  readonly passEnv: readonly string[];
  readonly limits: ResourceLimits;
}

const gib = 1024 * 1024 * 1024;

export const defaultIsolationPolicy: IsolationPolicy = {
  mode: 'strict',
  allowNetwork: false,
  passEnv: [],
  limits: { memoryBytes: 8 * gib, fileBytes: 1 * gib, processes: 4096 },
};
