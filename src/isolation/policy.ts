import type { IsolationMode } from '../core/isolation.js';

export type { IsolationMode };
export { isolationModes } from '../core/isolation.js';

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
