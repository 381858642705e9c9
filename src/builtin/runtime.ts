import { runtimeGlobal } from '../core/instrumentation.js';

/** The first statement of every instrumented file (after directives): binds `__rg` to the runtime (core/instrumentation.ts). */
export const runtimePreamble = `var __rg = globalThis.${runtimeGlobal} || (globalThis.${runtimeGlobal} = { active: 0, cov: function () {}, tick: function () {} });`;
