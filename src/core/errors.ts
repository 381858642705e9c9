/**
 * The closed error hierarchy. Expected failures (a test that fails, an edit that does not apply) are values,
 * not errors; these classes are for misconfiguration, bad input the run cannot continue with, and bugs.
 * Only `cli/main.ts` maps them to exit codes.
 */

export const errorCodes = {
  config: 'E_CONFIG',
  usage: 'E_USAGE',
  runner: 'E_RUNNER',
  provider: 'E_PROVIDER',
  workspace: 'E_WORKSPACE',
  internal: 'E_INTERNAL',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

export abstract class RedgreenError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user's settings or project cannot work as given (unknown runner, missing key, bad flag value). */
export class ConfigError extends RedgreenError {
  readonly code = errorCodes.config;
}

/** The command line itself is wrong. */
export class UsageError extends RedgreenError {
  readonly code = errorCodes.usage;
}

/** A test runner could not be started or its output could not be read. */
export class RunnerError extends RedgreenError {
  readonly code = errorCodes.runner;
}

/**
 * What failed when the server itself, rather than one reply, is the problem: it could not be reached, the
 * connection dropped, it did not answer in time, or its reply passed the size limit.
 */
export type ProviderFailure = 'unreachable' | 'disconnected' | 'timeout' | 'too-large';

/** What a caller (or the retry decorator) needs to decide how to react to a provider failure. */
export interface ProviderErrorDetails {
  /** The HTTP status, when the back end answered at all. */
  readonly status?: number;
  /** A later identical request may succeed (rate limit, server error, network, timeout). */
  readonly retryable?: boolean;
  /** How long the server asked us to wait before retrying (from `Retry-After`). */
  readonly retryAfterMs?: number;
  /** The back end has nothing more to give (scripted replies spent): not a failure of the run. */
  readonly exhausted?: boolean;
  /** Set when the server itself failed (see `ProviderFailure`), not for a reply that could not be read. */
  readonly failure?: ProviderFailure;
  /** Requests made before giving up, when the retry decorator tried more than once. */
  readonly attempts?: number;
}

/** A model back end failed (bad key, unknown model, rate limit, network); `details.retryable` says whether trying again may help. */
export class ProviderError extends RedgreenError {
  readonly code = errorCodes.provider;
  constructor(
    message: string,
    readonly details: ProviderErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The project or sandbox could not be read or written. */
export class WorkspaceError extends RedgreenError {
  readonly code = errorCodes.workspace;
}

/** A bug in redgreen. */
export class InternalError extends RedgreenError {
  readonly code = errorCodes.internal;
}

/** A readable one-line description of any thrown value, following `cause` links. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join(': ');
}
