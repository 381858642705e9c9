import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors.js';
import type { ModelProvider } from './model-provider.js';
import { withTimeout } from './with-timeout.js';

const request = { messages: [] };

describe('withTimeout', () => {
  it('times out a provider that ignores its signal, as a retryable error', async () => {
    const stuck: ModelProvider = { id: 'stuck:model', generate: () => new Promise(() => undefined) };
    const error = await withTimeout(stuck, 50).generate(request).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: 'the request to stuck:model timed out after 0.05s', details: { retryable: true } });
  });

  it('aborts the inner request’s signal and lets the caller’s own abort through', async () => {
    let seen: AbortSignal | undefined;
    const listening: ModelProvider = {
      id: 'listening:model',
      generate: ({ signal }) => {
        seen = signal;
        return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new ProviderError('the request was aborted', { retryable: false }))));
      },
    };
    await expect(withTimeout(listening, 30).generate(request)).rejects.toThrow(/timed out/);
    expect(seen?.aborted).toBe(true);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await expect(withTimeout(listening, 5_000).generate({ ...request, signal: controller.signal })).rejects.toThrow('the request was aborted');
  });

  it('passes replies, infill and lifecycle hooks through', async () => {
    const provider = withTimeout({ id: 'p', generate: async () => ({ text: 'a' }), infill: async () => ({ text: 'b' }), dispose: async () => undefined }, 1_000);
    expect((await provider.generate(request)).text).toBe('a');
    expect((await provider.infill?.({ prefix: '', suffix: '' }))?.text).toBe('b');
    expect(provider.dispose).toBeTypeOf('function');
    expect(provider.init).toBeUndefined();
  });
});
