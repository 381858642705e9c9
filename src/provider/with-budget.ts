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
  /** What has been spent, shared by every provider given the same tally (the chains of one run); default: its own. */
  readonly tally?: BudgetTally;
}

/** Tokens spent and when the first request started, counted across every provider that shares it. */
export interface BudgetTally {
  tokens: number;
  startedAt: number | undefined;
}

/** A tally of nothing spent yet, to share one budget between providers. */
export function createBudgetTally(): BudgetTally {
  return { tokens: 0, startedAt: undefined };
}

/**
 * Decorates a provider with an overall budget: once its tokens or seconds are spent, requests throw a
 * `ProviderError` with `exhausted: true` (the loop reads that as "no more proposals"), and a request still
 * running when the time runs out is cut off the same way.
 */
export function withBudget(provider: ModelProvider, options: BudgetOptions): ModelProvider {
  const now = options.now ?? Date.now;
  const tally = options.tally ?? createBudgetTally();

  const exhausted = (what: string) => new ProviderError(`the model budget is spent: ${what}`, { retryable: false, exhausted: true });
  const guarded = async (signal: AbortSignal | undefined, call: (signal: AbortSignal | undefined) => Promise<Completion>): Promise<Completion> => {
    const startedAt = (tally.startedAt ??= now());
    if (options.maxTokens !== undefined && tally.tokens >= options.maxTokens) throw exhausted(`${tally.tokens} of ${options.maxTokens} tokens used`);
    const timeSpent = `${options.maxSeconds} s elapsed`;
    const leftMs = options.maxSeconds === undefined ? undefined : options.maxSeconds * 1000 - (now() - startedAt);
    if (leftMs !== undefined && leftMs <= 0) throw exhausted(timeSpent);
    const completion = leftMs === undefined ? await call(signal) : await raceDeadline(leftMs, signal, call, () => exhausted(timeSpent));
    tally.tokens += (completion.usage?.promptTokens ?? 0) + (completion.usage?.completionTokens ?? 0);
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
