import { join } from 'node:path';
import type { AttemptTypecheck, TypecheckMode } from '../core/attempts.js';
import type { FileChange } from '../core/file-change.js';
import { debug } from '../debug.js';
import type { TypecheckResult, TypecheckSession } from '../coherence/typecheck/typecheck-session.js';
import { openTypecheckSession } from '../coherence/typecheck/typecheck-session.js';
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
  /** Takes the project's baseline diagnostics, once, before the first proposal is applied. */
  prepare(): void;
  /** Checks the files an applied proposal changed. */
  review(changes: readonly FileChange[]): TypeGateVerdict;
}

/** Most diagnostics shown in full in one attempt's feedback; the rest are counted. */
const shownDiagnostics = 5;

/**
 * The gate of a run. With no `typecheck` option it is `strict` for a project with a tsconfig.json and off
 * otherwise; asked for on a project with no config to check with, it is off (and says why in the debug log).
 * The session is opened lazily, so that a run with nothing to repair never pays for a full check.
 */
export function createTypeGate(ctx: RunContext): TypeGate {
  const asked = ctx.options.typecheck;
  let state: { readonly mode: Exclude<TypecheckMode, 'off'>; readonly session: TypecheckSession } | 'off' | undefined = asked === 'off' ? 'off' : undefined;
  return {
    prepare() {
      if (state !== undefined) return;
      const started = performance.now();
      const opened = openTypecheckSession({
        root: ctx.sandbox.root,
        projectDir: join(ctx.sandbox.root, ctx.options.packageDir ?? ''),
        // Tests that may not be edited are checked by running them; their framework's types would triple the cost.
        ...(ctx.options.allowTestEdits ? {} : { skip: ctx.isTestFile }),
      });
      if (opened.status === 'off') {
        debug('typecheck', `off: ${opened.reason}`);
        state = 'off';
        return;
      }
      const { session } = opened;
      if (asked === undefined && !session.configFile.endsWith('tsconfig.json')) {
        debug('typecheck', `off: ${session.configFile} is no tsconfig.json; --typecheck strict or warn checks with it`);
        state = 'off';
        return;
      }
      state = { mode: asked === 'warn' ? 'warn' : 'strict', session };
      debug(
        'time',
        `typecheck baseline ${Math.round(performance.now() - started)}ms (${session.configFile}, ${session.baseline.length} errors before any edit)`,
      );
    },
    review(changes) {
      if (state === undefined || state === 'off') return { action: 'pass' };
      const started = performance.now();
      const result = state.session.check(changes.map((c) => c.file));
      debug('time', `typecheck ${Math.round(performance.now() - started)}ms: ${result.introduced.length} introduced, ${result.total} in all`);
      return typeGateVerdict(state.mode, result);
    },
  };
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
