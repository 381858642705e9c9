import { ProviderError } from '../core/errors.js';
import type { Completion, ModelProvider } from './model-provider.js';
import { forwardUnchanged, raceDeadline } from './with-timeout.js';

/** Limits of `withBudget`; an unset one does not limit. */
export interface BudgetOptions {
  /** Prompt plus completion tokens over the provider's life. */
  readonly maxTokens?: number;
  /** Seconds from the first request on. */
  readonly maxSeconds?: number;
  /** Injected for tests; milliseconds. */
  readonly now?: () => number;
}

/**
 * Decorates a provider with an overall budget: once its tokens or seconds are spent, requests throw a
 * `ProviderError` with `exhausted: true` (the loop reads that as "no more proposals"), and a request still
 * running when the time runs out is cut off the same way.
 */
export function withBudget(provider: ModelProvider, options: BudgetOptions): ModelProvider {
  const now = options.now ?? Date.now;
  let startedAt: number | undefined;
  let tokens = 0;

  const exhausted = (what: string) => new ProviderError(`the model budget is spent: ${what}`, { retryable: false, exhausted: true });
  const guarded = async (signal: AbortSignal | undefined, call: (signal: AbortSignal | undefined) => Promise<Completion>): Promise<Completion> => {
    startedAt ??= now();
    if (options.maxTokens !== undefined && tokens >= options.maxTokens) throw exhausted(`${tokens} of ${options.maxTokens} tokens used`);
    const timeSpent = `${options.maxSeconds} s elapsed`;
    const leftMs = options.maxSeconds === undefined ? undefined : options.maxSeconds * 1000 - (now() - startedAt);
    if (leftMs !== undefined && leftMs <= 0) throw exhausted(timeSpent);
    const completion = leftMs === undefined ? await call(signal) : await raceDeadline(leftMs, signal, call, () => exhausted(timeSpent));
    tokens += (completion.usage?.promptTokens ?? 0) + (completion.usage?.completionTokens ?? 0);
    return completion;
  };

  const { infill, listModels } = provider;
  return {
    ...forwardUnchanged(provider),
    id: provider.id,
    generate: (request) => guarded(request.signal, (signal) => provider.generate({ ...request, ...(signal ? { signal } : {}) })),
    ...(infill ? { infill: (request) => guarded(request.signal, (signal) => infill.call(provider, { ...request, ...(signal ? { signal } : {}) })) } : {}),
    ...(listModels ? { listModels: listModels.bind(provider) } : {}),
  };
}
