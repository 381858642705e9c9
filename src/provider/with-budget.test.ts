import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import type { Completion, ModelProvider } from './model-provider.js';
import { createBudgetTally, withBudget } from './with-budget.js';

const request = { messages: [{ role: 'user' as const, content: 'hi' }] };

function fake(reply: Completion = { text: 'ok', usage: { promptTokens: 60, completionTokens: 40 } }, delayMs = 0): ModelProvider & { calls: number } {
  const provider = {
    id: 'fake:model',
    calls: 0,
    async generate(options: { signal?: AbortSignal }) {
      provider.calls += 1;
      if (delayMs > 0)
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, delayMs);
          options.signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))));
        });
      return reply;
    },
  };
  return provider;
}

describe('withBudget', () => {
  it('throws exhausted once the tokens are spent, without calling the provider', async () => {
    const inner = fake();
    const provider = withBudget(inner, { maxTokens: 150 });
    await provider.generate(request);
    await provider.generate(request);
    const error = await provider.generate(request).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: 'the model budget is spent: 200 of 150 tokens used', details: { exhausted: true, retryable: false } });
    expect(inner.calls).toBe(2);
  });

  it('throws exhausted once the seconds are spent, counting from the first request', async () => {
    let now = 1_000;
    const provider = withBudget(fake(), { maxSeconds: 10, now: () => now });
    now = 5_000;
    await provider.generate(request);
    now = 14_000;
    await provider.generate(request);
    now = 15_000;
    await expect(provider.generate(request)).rejects.toMatchObject({ message: 'the model budget is spent: 10 s elapsed', details: { exhausted: true } });
  });

  it('cuts off a request that runs past the time budget', async () => {
    const provider = withBudget(fake(undefined, 5_000), { maxSeconds: 0.1 });
    await expect(provider.generate(request)).rejects.toMatchObject({ details: { exhausted: true } });
  });

  it('counts the tokens of every provider sharing a tally against one budget', async () => {
    const tally = createBudgetTally();
    const first = fake();
    const second = fake();
    const a = withBudget(first, { maxTokens: 250, tally });
    const b = withBudget(second, { maxTokens: 250, tally });
    await a.generate(request);
    await b.generate(request);
    await a.generate(request);
    await expect(b.generate(request)).rejects.toMatchObject({ message: 'the model budget is spent: 300 of 250 tokens used' });
    expect(first.calls + second.calls).toBe(3);
    expect(tally.tokens).toBe(300);
  });
});
