import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../core/errors.js';
import { chatCompletion, createFakeOpenAiServer, type FakeOpenAiServer } from '../../test/helpers/fake-openai-server.js';
import type { CompletionRequest } from './model-provider.js';
import { createOpenAiProvider, type OpenAiProviderOptions } from './openai-compatible-provider.js';
import { withRetry } from './with-retry.js';
import { withTimeout } from './with-timeout.js';

const request: CompletionRequest = { messages: [{ role: 'user', content: 'fix it' }], temperature: 0.2, maxTokens: 256, seed: 7 };

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('createOpenAiProvider against a fake server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await createFakeOpenAiServer({ models: ['llama-3', 'qwen-coder'] });
  });
  afterEach(() => server.close());

  const provider = (options: Partial<OpenAiProviderOptions> = {}) =>
    createOpenAiProvider({ model: 'gpt-test', baseUrl: `${server.baseUrl}/`, apiKey: 'sk-test', env: {}, ...options });

  it('sends the request and reads the reply, usage, model and finish reason', async () => {
    server.enqueue({ body: chatCompletion('the fix', { usage: { prompt_tokens: 12, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 8 } } }) });
    const completion = await provider().generate(request);
    expect(completion).toEqual({
      text: 'the fix',
      usage: { promptTokens: 12, completionTokens: 5, cachedTokens: 8 },
      model: 'fake-model',
      finishReason: 'stop',
    });
    const [sent] = server.requests;
    expect(sent?.url).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(sent?.body).toEqual({ model: 'gpt-test', messages: [{ role: 'user', content: 'fix it' }], temperature: 0.2, max_tokens: 256, seed: 7 });
  });

  it('needs no key for a local server and then sends no Authorization header', async () => {
    server.enqueue({ body: chatCompletion('ok') });
    const local = createOpenAiProvider({ model: 'llama-3', env: { OPENAI_BASE_URL: server.baseUrl } });
    expect(local.id).toBe('openai:llama-3');
    expect((await local.generate(request)).text).toBe('ok');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('explains a 401 with the server message', async () => {
    server.enqueue({ status: 401, body: { error: { message: 'Incorrect API key provided' } } });
    const error = await failureOf(provider().generate(request));
    expect(error.message).toBe('authentication failed (401): check OPENAI_API_KEY (server: Incorrect API key provided)');
    expect(error.details).toMatchObject({ status: 401, retryable: false });
  });

  it('lists the available models on a 404', async () => {
    server.enqueue({ status: 404, body: { error: { message: 'model not found' } } });
    const error = await failureOf(provider().generate(request));
    expect(error.message).toBe(`model 'gpt-test' not found at ${server.baseUrl}; available models: llama-3, qwen-coder`);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer sk-test');
  });

  it('passes on the server message of a 400', async () => {
    server.enqueue({ status: 400, body: { error: { message: "'max_tokens' is too large" } } });
    const error = await failureOf(provider().generate(request));
    expect(error.message).toBe("the server rejected the request (400): 'max_tokens' is too large");
    expect(error.details.retryable).toBe(false);
  });

  it('retries a 429 after exactly its Retry-After, then succeeds', async () => {
    server.enqueue({ status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '2' } }, { body: chatCompletion('after the wait') });
    const sleeps: number[] = [];
    const retried = withRetry(provider(), { sleep: async (ms) => void sleeps.push(ms) });
    expect((await retried.generate(request)).text).toBe('after the wait');
    expect(sleeps).toEqual([2000]);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    server.enqueue({ status: 500, body: { error: 'boom' } }, { body: chatCompletion('recovered') });
    const sleeps: number[] = [];
    const retried = withRetry(provider(), { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, baseDelayMs: 100 });
    expect((await retried.generate(request)).text).toBe('recovered');
    expect(sleeps).toEqual([50]);
    expect(server.requests).toHaveLength(2);
  });

  it('treats choices: null as a retryable empty reply', async () => {
    server.enqueue({ body: { choices: null } }, { body: chatCompletion('', { choices: [] }) });
    const first = await failureOf(provider().generate(request));
    expect(first.message).toMatch(/^empty reply/);
    expect(first.details.retryable).toBe(true);
    await expect(provider().generate(request)).rejects.toThrow(/^empty reply/);
  });

  it('reports a garbage body with its first 200 characters', async () => {
    server.enqueue({ raw: `<html>${'x'.repeat(500)}</html>` });
    const error = await failureOf(provider().generate(request));
    expect(error.message).toBe(`the server's reply is not JSON: "<html>${'x'.repeat(194)}"`);
    expect(error.details.retryable).toBe(true);
  });

  it('times out a slow server as a retryable error', async () => {
    server.enqueue({ delayMs: 2_000, body: chatCompletion('too late') });
    const error = await failureOf(withTimeout(provider(), 100).generate(request));
    expect(error.message).toBe(`the model server at ${server.baseUrl} did not answer within 0.1 s`);
    expect(error.details.retryable).toBe(true);
  });

  it('reports a refused connection as retryable, with the cause', async () => {
    const url = server.baseUrl;
    await server.close();
    server = await createFakeOpenAiServer();
    const error = await failureOf(createOpenAiProvider({ model: 'm', baseUrl: url, env: {} }).generate(request));
    expect(error.message).toBe(`cannot reach ${url}/chat/completions`);
    expect(error.details.retryable).toBe(true);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('does not retry when the caller aborts', async () => {
    server.enqueue({ delayMs: 2_000, body: chatCompletion('too late') });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(provider().generate({ ...request, signal: controller.signal }));
    expect(error.message).toBe('the request was aborted');
    expect(error.details.retryable).toBe(false);
  });
});

describe('createOpenAiProvider configuration', () => {
  it('needs OPENAI_API_KEY for the OpenAI API', () => {
    expect(() => createOpenAiProvider({ model: 'gpt-4o-mini', env: {} })).toThrow(ConfigError);
    expect(() => createOpenAiProvider({ model: 'gpt-4o-mini', env: {} })).toThrow(/^OPENAI_API_KEY is not set/);
    expect(createOpenAiProvider({ model: 'gpt-4o-mini', env: { OPENAI_API_KEY: 'sk' } }).id).toBe('openai:gpt-4o-mini');
  });

  it('rejects a base URL that is not a URL', () => {
    expect(() => createOpenAiProvider({ model: 'm', baseUrl: 'localhost:8080', env: {} })).toThrow(/not a valid base URL/);
  });
});
