import { setTimeout as delay } from 'node:timers/promises';
import { ProviderError } from '../core/errors.js';
import type { ModelProvider } from './model-provider.js';
import { forwardUnchanged } from './with-timeout.js';

/** What `onRetry` is told before each wait. */
export interface RetryInfo {
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: ProviderError;
}

/** Settings of `withRetry`; the defaults suit hosted APIs. */
export interface WithRetryOptions {
  /** Retries after the first attempt; default 3. */
  readonly retries?: number;
  /**
   * Of those, how many may follow a timeout; default 1. A server that did not answer within the timeout
   * rarely does on the next try, and each try costs a whole timeout.
   */
  readonly timeoutRetries?: number;
  /** The backoff ceiling of the first retry, doubled each time; default 500 ms. */
  readonly baseDelayMs?: number;
  /** Cap of the exponential backoff; default 20 s. */
  readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited out: the error is thrown at once; default 60 s. */
  readonly maxRetryAfterMs?: number;
  /** Injected for tests. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected for tests; returns [0, 1). */
  readonly random?: () => number;
  /** Told before each wait, e.g. to show "rate limited, retrying in 2 s". */
  readonly onRetry?: (info: RetryInfo) => void;
}

/** 4xx statuses that say "try again later" rather than "this request is wrong". */
const retryable4xx: ReadonlySet<number> = new Set([408, 409, 429]);

/** Whether `error` is worth another identical request. */
export function isRetryable(error: unknown): error is ProviderError {
  if (!(error instanceof ProviderError) || error.details.retryable !== true) return false;
  const status = error.details.status;
  return status === undefined || status < 400 || status >= 500 || retryable4xx.has(status);
}

/**
 * Decorates a provider with retries of retryable `ProviderError`s (of `generate` and `infill`): exponential
 * backoff with full jitter, or exactly the server's `Retry-After` when it sent one. Other errors, and aborted
 * requests, pass through.
 */
export function withRetry(provider: ModelProvider, options: WithRetryOptions = {}): ModelProvider {
  const retries = options.retries ?? 3;
  const timeoutRetries = options.timeoutRetries ?? 1;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 20_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {}));
  const random = options.random ?? Math.random;

  const retrying = async <T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> => {
    let timeouts = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (signal?.aborted === true) throw error;
        if (!isRetryable(error)) throw afterAttempts(error, attempt);
        if (error.details.failure === 'timeout') timeouts++;
        const retryAfterMs = error.details.retryAfterMs;
        if (attempt > retries || timeouts > timeoutRetries || (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs))
          throw afterAttempts(error, attempt);
        const delayMs = retryAfterMs ?? Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
        options.onRetry?.({ attempt, delayMs, error });
        await sleep(delayMs, signal);
      }
    }
  };

  const { infill, listModels } = provider;
  return {
    ...forwardUnchanged(provider),
    id: provider.id,
    generate: (request) => retrying(request.signal, () => provider.generate(request)),
    ...(infill ? { infill: (request) => retrying(request.signal, () => infill.call(provider, request)) } : {}),
    ...(listModels ? { listModels: listModels.bind(provider) } : {}),
  };
}

/** `error`, saying how many requests were made when there was more than one (`details.attempts` too). */
function afterAttempts(error: unknown, attempts: number): unknown {
  if (attempts === 1 || !(error instanceof ProviderError)) return error;
  return new ProviderError(`${error.message} (${attempts} attempts)`, { ...error.details, attempts }, { cause: error.cause });
}
