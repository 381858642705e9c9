import { ConfigError, describeError, ProviderError, RedgreenError, RunnerError, UsageError, WorkspaceError } from '../core/errors.js';
import { exitCodes } from './exit-codes.js';
import type { JsonErrorKind, JsonErrorResult } from './json-contract.js';
import { jsonSchemaVersion } from './json-contract.js';

/** The `--json` object for a run that ended without a result; `exitCode` is what `exitCodeFor` gave. */
export function toJsonError(error: unknown, exitCode: number): JsonErrorResult {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return jsonError(errorKind(error, exitCode), describeError(error), exitCode, code);
}

export function jsonError(kind: JsonErrorKind, message: string, exitCode: number, code?: string): JsonErrorResult {
  return { schemaVersion: jsonSchemaVersion, status: 'error', exitCode, error: { kind, ...(code === undefined ? {} : { code }), message } };
}

function errorKind(error: unknown, exitCode: number): JsonErrorKind {
  if (exitCode === exitCodes.interrupted) return 'interrupted';
  if (error instanceof ConfigError) return 'config';
  if (error instanceof UsageError) return 'usage';
  if (error instanceof RunnerError) return 'runner';
  if (error instanceof ProviderError) return 'model';
  if (error instanceof WorkspaceError) return 'workspace';
  if (!(error instanceof RedgreenError) && error instanceof Error && 'code' in error && String(error.code).startsWith('commander.')) return 'usage';
  // exitCodeFor gives 2 to anything else only for a file operation the machine refused (EACCES, EROFS, …).
  return exitCode === exitCodes.usage ? 'environment' : 'internal';
}
