import { ProviderError } from '../core/errors.js';
import type { Completion, ModelProvider, SamplingOptions } from './model-provider.js';

/**
 * Runs `action` with a signal that aborts after `timeoutMs` (or with `outer`); when the deadline passes first,
 * rejects with `onTimeout()` even if `action` ignores its signal. Other failures pass through.
 */
export async function raceDeadline<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  action: (signal: AbortSignal) => Promise<T>,
  onTimeout: () => Error,
): Promise<T> {
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
 * past it, the request is aborted and a retryable `timeout` `ProviderError` names the server and the limit —
 * "did not answer" when no reply text had arrived, "stopped answering" when a streamed reply stalled.
 */
export function withTimeout(provider: ModelProvider, timeoutMs: number): ModelProvider {
  const seconds = `${Number((timeoutMs / 1000).toFixed(3))} s`;
  const server = provider.endpoint === undefined ? `the model ${provider.id}` : `the model server at ${provider.endpoint}`;
  const timeout = (answered: boolean) =>
    new ProviderError(answered ? `${server} stopped answering: its reply was not complete within ${seconds}` : `${server} did not answer within ${seconds}`, {
      retryable: true,
      failure: 'timeout',
    });
  /** Runs one request under the deadline, noting whether any streamed text came back before it passed. */
  const timed = <R extends SamplingOptions>(request: R, call: (request: R) => Promise<Completion>): Promise<Completion> => {
    let answered = false;
    const { onToken } = request;
    const noted = (text: string) => {
      answered = true;
      onToken?.(text);
    };
    const watched = onToken === undefined ? request : { ...request, onToken: noted };
    return raceDeadline(
      timeoutMs,
      request.signal,
      (signal) => call({ ...watched, signal }),
      () => timeout(answered),
    );
  };
  const { infill, listModels } = provider;
  return {
    ...forwardUnchanged(provider),
    id: provider.id,
    generate: (request) => timed(request, (timedRequest) => provider.generate(timedRequest)),
    ...(infill ? { infill: (request) => timed(request, (timedRequest) => infill.call(provider, timedRequest)) } : {}),
    ...(listModels
      ? {
          listModels: (outer) =>
            raceDeadline(
              timeoutMs,
              outer,
              (signal) => listModels.call(provider, signal),
              () => timeout(false),
            ),
        }
      : {}),
  };
}

/** What decorators pass through unchanged: where the provider sends requests, `init` and `dispose` (bound). */
export function forwardUnchanged(provider: ModelProvider): Pick<ModelProvider, 'endpoint' | 'init' | 'dispose'> {
  return {
    ...(provider.endpoint === undefined ? {} : { endpoint: provider.endpoint }),
    ...(provider.init ? { init: provider.init.bind(provider) } : {}),
    ...(provider.dispose ? { dispose: provider.dispose.bind(provider) } : {}),
  };
}
