import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import type { ModelProvider } from './model-provider.js';
import { withTimeout } from './with-timeout.js';

const request = { messages: [] };

describe('withTimeout', () => {
  it('times out a provider that ignores its signal, as a retryable error', async () => {
    const stuck: ModelProvider = { id: 'stuck:model', generate: () => new Promise(() => undefined) };
    const error = await withTimeout(stuck, 50)
      .generate(request)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: 'the model stuck:model did not answer within 0.05 s', details: { retryable: true, failure: 'timeout' } });
  });

  it('names the server it waited for, and says when a streamed reply stalled part way', async () => {
    const stalling: ModelProvider = {
      id: 'openai:m',
      endpoint: 'http://127.0.0.1:9/v1',
      generate: ({ onToken }) => {
        onToken?.('half a reply');
        return new Promise(() => undefined);
      },
    };
    const pieces: string[] = [];
    const silent = await withTimeout(stalling, 20)
      .generate(request)
      .catch((thrown: unknown) => thrown);
    expect(silent).toMatchObject({ message: 'the model server at http://127.0.0.1:9/v1 did not answer within 0.02 s' });
    const stalled = await withTimeout(stalling, 20)
      .generate({ ...request, onToken: (text) => pieces.push(text) })
      .catch((thrown: unknown) => thrown);
    expect(stalled).toMatchObject({ message: 'the model server at http://127.0.0.1:9/v1 stopped answering: its reply was not complete within 0.02 s' });
    expect(pieces).toEqual(['half a reply']);
    expect(withTimeout(stalling, 20).endpoint).toBe('http://127.0.0.1:9/v1');
  });

  it('aborts the inner request’s signal and lets the caller’s own abort through', async () => {
    let seen: AbortSignal | undefined;
    const listening: ModelProvider = {
      id: 'listening:model',
      generate: ({ signal }) => {
        seen = signal;
        return new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(new ProviderError('the request was aborted', { retryable: false }))),
        );
      },
    };
    await expect(withTimeout(listening, 30).generate(request)).rejects.toThrow(/did not answer within 0\.03 s/);
    expect(seen?.aborted).toBe(true);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await expect(withTimeout(listening, 5_000).generate({ ...request, signal: controller.signal })).rejects.toThrow('the request was aborted');
  });

  it('passes replies, infill and lifecycle hooks through', async () => {
    const provider = withTimeout(
      { id: 'p', generate: async () => ({ text: 'a' }), infill: async () => ({ text: 'b' }), dispose: async () => undefined },
      1_000,
    );
    expect((await provider.generate(request)).text).toBe('a');
    expect((await provider.infill?.({ prefix: '', suffix: '' }))?.text).toBe('b');
    expect(provider.dispose).toBeTypeOf('function');
    expect(provider.init).toBeUndefined();
  });
});
