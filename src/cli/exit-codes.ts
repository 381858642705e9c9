import { ConfigError, ProviderError, UsageError } from '../errors.js';

/** 130 is what shells report for a process stopped by Ctrl-C (128 + SIGINT). */
export const exitCodes = { green: 0, red: 1, usage: 2, internal: 3, interrupted: 130 } as const;

/** The only place errors become exit codes: misconfiguration is 2, anything else 3. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError || error instanceof UsageError) return exitCodes.usage;
  // A wrong key or an unknown model is configuration, not a crash.
  if (error instanceof ProviderError && error.details.retryable !== true && error.details.status !== undefined && error.details.status < 500) return exitCodes.usage;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('commander.')) return exitCodes.usage;
  return exitCodes.internal;
}
