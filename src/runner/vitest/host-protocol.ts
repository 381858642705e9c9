/**
 * The one protocol of the warm session's process boundary: the parent (warm-session.ts, ../core/host-process.ts)
 * and the host it forks (runtime/vitest-host.mjs, which imports these types through JSDoc) both speak it, and
 * the harness setup file in the workers reads `HarnessProvided`.
 */

/** Start-up settings the parent passes to the host in `REDGREEN_HARNESS` (JSON). */
export interface VitestHostConfig {
  /** file: URL of the project's own `vitest/node` entry. */
  readonly vitestNodeUrl: string;
  /** The project's vitest major: the host's API differs between 3 and 4. */
  readonly major: number;
  readonly root: string;
  readonly setupFile: string;
  readonly testTimeoutMs: number;
  readonly pool: string;
  readonly maxWorkers: number;
}

/** One spec: a test file run with one candidate switched on, optionally only the tests matching `pattern`. */
export interface HostSpec {
  readonly active: number;
  /** Absolute path of the test file. */
  readonly file: string;
  readonly pattern?: string;
}

export type HostRequest =
  | { readonly type: 'invalidate'; readonly seq: number; readonly files: readonly string[] }
  | { readonly type: 'run'; readonly seq: number; readonly specs: readonly HostSpec[] | 'all'; readonly provided: HarnessProvided; readonly isolate: boolean }
  | { readonly type: 'close'; readonly seq: number };

export interface HostError {
  readonly message: string;
  readonly stack?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly diff?: string;
}

export interface HostTestResult {
  readonly active: number;
  readonly file: string;
  readonly titles: readonly string[];
  readonly state: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  readonly error?: HostError;
  readonly coverage?: readonly number[];
}

export type HostReply =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'done'; readonly seq: number }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string }
  | {
      readonly type: 'result';
      readonly seq: number;
      readonly tests: readonly HostTestResult[];
      /** Errors outside tests: a test file that throws at import, an unhandled rejection. */
      readonly errors: readonly { readonly active?: number; readonly file?: string; readonly error: HostError }[];
    };

/** What the host provides to every worker (vitest `provide('redgreen', …)`), read by runtime/harness-setup.mjs. */
export interface HarnessProvided {
  readonly hitLimit: number;
  /** The message `tick()` throws past the hit limit (`hitLimitMessage` of core/instrumentation.ts). */
  readonly hitLimitMessage: string;
  /** The global the instrumented code calls into (`runtimeGlobal`). */
  readonly runtimeGlobal: string;
  readonly coverage: boolean;
  readonly bail: boolean;
  /** The file the workers append start/end lines to, synchronously, so a killed run still tells who hung. */
  readonly eventsFile: string;
  /**
   * The candidate switched on in every file of the run, where the module id cannot carry it (vitest 3 runs
   * one candidate per run); the host sets it.
   */
  readonly active?: number;
}
