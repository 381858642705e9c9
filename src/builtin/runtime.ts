/**
 * The contract between instrumented code and the harness that runs it. Instrumented files (coverage counters,
 * mutant schemata) call into one global object; the harness installs the real implementation in the test
 * worker and, until it does, the preamble's no-op version keeps the code runnable anywhere.
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

/** The first statement of every instrumented file (after directives): binds `__rg` to the runtime. */
export const runtimePreamble = `var __rg = globalThis.${runtimeGlobal} || (globalThis.${runtimeGlobal} = { active: 0, cov: function () {}, tick: function () {} });`;
