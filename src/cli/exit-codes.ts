import { ConfigError, ProviderError, RunnerError, UsageError, WorkspaceError } from '../core/errors.js';

/**
 * What each exit code means; README's "Exit codes" table says the same. 130 is what shells report for a
 * process stopped by Ctrl-C (128 + SIGINT).
 */
export const exitCodes = { green: 0, red: 1, usage: 2, internal: 3, model: 4, interrupted: 130 } as const;

/** Statuses that say the key or the model name is wrong: the user's settings, not the server, must change. */
const configurationStatuses: ReadonlySet<number> = new Set([400, 401, 403, 404]);

/** File-system conditions of the user's machine (permissions, a full or read-only disk), not redgreen bugs. */
const environmentErrnos: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE']);

/**
 * The only place errors become exit codes. Misconfiguration (settings, flags, a wrong key or model name, a
 * runner that cannot start, a file the machine will not let us read or write) is 2; a model back end that
 * failed is 4; a project the fix could not be written to is 1, like any run that leaves it red; only what
 * nothing explains — redgreen's own bugs — is 3.
 */
export function exitCodeFor(error: unknown): number {
  if (causedByMachine(error)) return exitCodes.usage;
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof RunnerError) return exitCodes.usage;
  if (error instanceof ProviderError) {
    const { status, retryable } = error.details;
    return retryable !== true && status !== undefined && configurationStatuses.has(status) ? exitCodes.usage : exitCodes.model;
  }
  if (error instanceof WorkspaceError) return exitCodes.red;
  if (hasStringCode(error) && error.code.startsWith('commander.')) return exitCodes.usage;
  return exitCodes.internal;
}

/** Whether `code` is one that shows a stack trace: only a bug's. */
export function showsStack(code: number): boolean {
  return code === exitCodes.internal;
}

/** Whether `error`, or an error it was caused by, is a file-system condition of the machine (`EACCES`, `EROFS`, …). */
function causedByMachine(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (hasStringCode(current) && environmentErrnos.has(current.code)) return true;
  }
  return false;
}

function hasStringCode(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && typeof error.code === 'string';
}
