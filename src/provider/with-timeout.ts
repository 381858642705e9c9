import { ProviderError } from '../errors.js';
import type { ModelProvider } from './model-provider.js';

/**
 * Runs `action` with a signal that aborts after `timeoutMs` (or with `outer`); when the deadline passes first,
 * rejects with `onTimeout()` even if `action` ignores its signal. Other failures pass through.
 */
export async function raceDeadline<T>(timeoutMs: number, outer: AbortSignal | undefined, action: (signal: AbortSignal) => Promise<T>, onTimeout: () => Error): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = outer ? AbortSignal.any([deadline.signal, outer]) : deadline.signal;
  let expired: () => void = () => undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    expired = () => reject(onTimeout());
    deadline.signal.addEventListener('abort', expired, { once: true });
  });
  try {
    return await Promise.race([action(signal), timedOut]);
  } catch (error) {
    // The inner request saw our abort as "aborted"; what happened is that the deadline passed.
    if (deadline.signal.aborted && outer?.aborted !== true) throw onTimeout();
    throw error;
  } finally {
    clearTimeout(timer);
    deadline.signal.removeEventListener('abort', expired);
  }
}

/**
 * Decorates a provider with a per-request deadline (each retry gets a fresh one when `withRetry` is outside):
 * past it, the request is aborted and a retryable `ProviderError('… timed out after Ns')` is thrown.
 */
export function withTimeout(provider: ModelProvider, timeoutMs: number): ModelProvider {
  const seconds = `${Number((timeoutMs / 1000).toFixed(3))}s`;
  const timeout = () => new ProviderError(`the request to ${provider.id} timed out after ${seconds}`, { retryable: true });
  const { infill, listModels } = provider;
  return {
    ...forwardLifecycle(provider),
    id: provider.id,
    generate: (request) => raceDeadline(timeoutMs, request.signal, (signal) => provider.generate({ ...request, signal }), timeout),
    ...(infill ? { infill: (request) => raceDeadline(timeoutMs, request.signal, (signal) => infill.call(provider, { ...request, signal }), timeout) } : {}),
    ...(listModels ? { listModels: (outer) => raceDeadline(timeoutMs, outer, (signal) => listModels.call(provider, signal), timeout) } : {}),
  };
}

/** `init` and `dispose` of `provider`, bound, for decorators that pass them through unchanged. */
export function forwardLifecycle(provider: ModelProvider): Pick<ModelProvider, 'init' | 'dispose'> {
  return {
    ...(provider.init ? { init: provider.init.bind(provider) } : {}),
    ...(provider.dispose ? { dispose: provider.dispose.bind(provider) } : {}),
  };
}
