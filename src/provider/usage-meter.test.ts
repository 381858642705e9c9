import { describe, expect, it } from 'vitest';
import type { ModelProvider } from './model-provider.js';
import { costOf, createUsageMeter, withUsageTracking } from './usage-meter.js';

describe('costOf', () => {
  it('prices uncached prompt, cached prompt and completion tokens per million', () => {
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 0 }, { input: 3, output: 15 })).toBe(3);
    expect(costOf({ promptTokens: 2_000_000, completionTokens: 1_000_000, cachedTokens: 1_000_000 }, { input: 3, output: 15, cachedInput: 0.3 })).toBeCloseTo(
      18.3,
    );
    expect(costOf({ promptTokens: 100, completionTokens: 0, cachedTokens: 100 }, { input: 2, output: 8 })).toBeCloseTo(0.0002);
  });
});

describe('createUsageMeter and withUsageTracking', () => {
  it('sums usage per provider and prices the ones with a configured price', async () => {
    const meter = createUsageMeter();
    const inner: ModelProvider = {
      id: 'openai:gpt-4o-mini',
      generate: async () => ({ text: 'x', usage: { promptTokens: 1000, completionTokens: 100, cachedTokens: 500 } }),
    };
    const tracked = withUsageTracking(inner, meter);
    await tracked.generate({ messages: [] });
    await tracked.generate({ messages: [] });
    meter.record('ollama:qwen', { promptTokens: 10, completionTokens: 5 });
    meter.record('ollama:qwen', undefined);
    expect(meter.total()).toEqual({ promptTokens: 2010, completionTokens: 205, cachedTokens: 1000, requests: 4 });
    expect(meter.byProvider().get('ollama:qwen')).toEqual({ promptTokens: 10, completionTokens: 5, cachedTokens: 0 });
    expect(meter.cost({})).toBeUndefined();
    expect(meter.cost({ 'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 } })).toBeCloseTo((1000 * 0.15 + 1000 * 0.075 + 200 * 0.6) / 1e6);
  });
});
