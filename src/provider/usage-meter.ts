import type { Completion, ModelProvider, TokenUsage } from './model-provider.js';
import { forwardUnchanged } from './with-timeout.js';

/** USD per million tokens; `cachedInput` defaults to `input`. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
}

/** Prices by model id as the user configures them, e.g. `{ "openai:gpt-4o-mini": { input: 0.15, output: 0.6 } }`. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** The cost in USD of `usage` at `price`: cached prompt tokens at `cachedInput`, the rest at `input`. */
export function costOf(usage: TokenUsage, price: ModelPrice): number {
  const cached = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  return (uncached * price.input + cached * (price.cachedInput ?? price.input) + usage.completionTokens * price.output) / 1_000_000;
}

/** Sums token usage over a run, per provider id. */
export interface UsageMeter {
  /** Adds one completion's usage (nothing when it reported none). */
  record(providerId: string, usage: TokenUsage | undefined): void;
  /** Everything so far. */
  total(): Required<TokenUsage> & { readonly requests: number };
  /** Per provider id. */
  byProvider(): ReadonlyMap<string, Required<TokenUsage>>;
  /** USD for the providers with a price (looked up by provider id, then by the model part after `:`); undefined when none has one. */
  cost(prices: PriceTable): number | undefined;
}

/** A fresh `UsageMeter`. */
export function createUsageMeter(): UsageMeter {
  const sums = new Map<string, Required<TokenUsage>>();
  let requests = 0;
  return {
    record(providerId, usage) {
      requests += 1;
      if (!usage) return;
      const sum = sums.get(providerId) ?? { promptTokens: 0, completionTokens: 0, cachedTokens: 0 };
      sums.set(providerId, {
        promptTokens: sum.promptTokens + usage.promptTokens,
        completionTokens: sum.completionTokens + usage.completionTokens,
        cachedTokens: sum.cachedTokens + (usage.cachedTokens ?? 0),
      });
    },
    total() {
      let promptTokens = 0;
      let completionTokens = 0;
      let cachedTokens = 0;
      for (const sum of sums.values()) {
        promptTokens += sum.promptTokens;
        completionTokens += sum.completionTokens;
        cachedTokens += sum.cachedTokens;
      }
      return { promptTokens, completionTokens, cachedTokens, requests };
    },
    byProvider: () => new Map(sums),
    cost(prices) {
      let cost: number | undefined;
      for (const [id, usage] of sums) {
        const price = prices[id] ?? prices[id.slice(id.indexOf(':') + 1)];
        if (price) cost = (cost ?? 0) + costOf(usage, price);
      }
      return cost;
    },
  };
}

/** Decorates a provider so every completion's usage is recorded in `meter`. */
export function withUsageTracking(provider: ModelProvider, meter: UsageMeter): ModelProvider {
  const recorded = (completion: Completion) => {
    meter.record(provider.id, completion.usage);
    return completion;
  };
  const { infill, listModels } = provider;
  return {
    ...forwardUnchanged(provider),
    id: provider.id,
    generate: async (request) => recorded(await provider.generate(request)),
    ...(infill ? { infill: async (request) => recorded(await infill.call(provider, request)) } : {}),
    ...(listModels ? { listModels: listModels.bind(provider) } : {}),
  };
}
