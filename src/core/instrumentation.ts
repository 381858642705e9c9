/**
 * The contract between instrumented code and the warm session that runs it. Instrumented files (coverage
 * counters, mutant schemata, written by the built-in engine) call into one global object; the runner's warm
 * session installs the real implementation in the test worker and, until it does, the preamble's no-op
 * version keeps the code runnable anywhere.
 */
export const runtimeGlobal = '__redgreen';

export interface RedgreenRuntime {
  /** The candidate whose changes are switched on; 0 runs the original code. */
  active: number;
  /** Records that statement `id` ran in the current test. */
  cov(id: number): void;
  /** Called at the top of every loop body and function body of instrumented files; throws past a hit budget so a looping candidate fails fast. */
  tick(): void;
}

/** The message a looping candidate's test fails with once `tick()` passes the hit limit. */
export const hitLimitMessage = 'redgreen: candidate exceeded the hit limit';
