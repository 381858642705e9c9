import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import type { Completion, ModelProvider } from './model-provider.js';
import { withRetry, type WithRetryOptions } from './with-retry.js';

function flaky(failures: unknown[]): ModelProvider & { calls: number } {
  const provider = {
    id: 'fake:model',
    calls: 0,
    async generate(): Promise<Completion> {
      provider.calls += 1;
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      return { text: 'ok' };
    },
  };
  return provider;
}

const request = { messages: [{ role: 'user' as const, content: 'hi' }] };
const retryable = (status?: number, retryAfterMs?: number) => new ProviderError('failed', { status, retryable: true, retryAfterMs });

function retried(failures: unknown[], options: WithRetryOptions = {}) {
  const inner = flaky(failures);
  const sleeps: number[] = [];
  const provider = withRetry(inner, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.99, ...options });
  return { inner, sleeps, provider };
}

describe('withRetry', () => {
  it('keeps the id and retries retryable errors with exponential backoff and full jitter', async () => {
    const { inner, sleeps, provider } = retried([retryable(500), retryable(503), retryable()], { baseDelayMs: 100 });
    expect(provider.id).toBe('fake:model');
    expect((await provider.generate(request)).text).toBe('ok');
    expect(inner.calls).toBe(4);
    expect(sleeps).toEqual([99, 198, 396]);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const { sleeps, provider } = retried([retryable(), retryable(), retryable()], { baseDelayMs: 1000, maxDelayMs: 1500 });
    await provider.generate(request);
    expect(sleeps).toEqual([990, 1485, 1485]);
  });

  it('waits exactly Retry-After when the server sent one', async () => {
    const { sleeps, provider } = retried([retryable(429, 3000)]);
    await provider.generate(request);
    expect(sleeps).toEqual([3000]);
  });

  it('gives up after the last retry with the last error', async () => {
    const last = retryable(502);
    const { inner, provider } = retried([retryable(500), retryable(500), retryable(500), last], { retries: 3 });
    const error = await provider.generate(request).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: 'failed (4 attempts)', details: { status: 502, retryable: true, attempts: 4 } });
    expect(inner.calls).toBe(4);
  });

  it('retries a timeout only once by default: each try costs a whole timeout', async () => {
    const timeout = () => new ProviderError('the model server at http://x did not answer within 30 s', { retryable: true, failure: 'timeout' });
    const { inner, sleeps, provider } = retried([timeout(), timeout(), timeout(), timeout()]);
    const error = await provider.generate(request).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      message: 'the model server at http://x did not answer within 30 s (2 attempts)',
      details: { failure: 'timeout', attempts: 2 },
    });
    expect(inner.calls).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('counts only timeouts against timeoutRetries', async () => {
    const timeout = () => new ProviderError('silent', { retryable: true, failure: 'timeout' });
    const { inner, provider } = retried([retryable(503), timeout(), retryable(503), timeout()], { timeoutRetries: 1 });
    await expect(provider.generate(request)).rejects.toThrow('silent (4 attempts)');
    expect(inner.calls).toBe(4);
    const again = retried([timeout(), timeout()], { timeoutRetries: 2 });
    expect((await again.provider.generate(request)).text).toBe('ok');
  });

  it.each([
    ['a non-retryable ProviderError', new ProviderError('bad key', { status: 401, retryable: false })],
    ['a 4xx marked retryable other than 408/409/429', new ProviderError('odd', { status: 422, retryable: true })],
    ['a Retry-After past maxRetryAfterMs', retryable(429, 120_000)],
    ['any other error', new TypeError('bug')],
  ])('does not retry %s', async (_name, error) => {
    const { inner, provider } = retried([error]);
    await expect(provider.generate(request)).rejects.toBe(error);
    expect(inner.calls).toBe(1);
  });

  it.each([408, 409, 429])('retries status %i', async (status) => {
    const { inner, provider } = retried([retryable(status)]);
    await provider.generate(request);
    expect(inner.calls).toBe(2);
  });

  it('tells onRetry before each wait', async () => {
    const seen: number[] = [];
    const { provider } = retried([retryable(500)], { onRetry: (info) => seen.push(info.attempt) });
    await provider.generate(request);
    expect(seen).toEqual([1]);
  });
});
