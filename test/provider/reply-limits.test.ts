import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/core/errors.js';
import { createAnthropicProvider } from '../../src/provider/anthropic-provider.js';
import { createLlamaCppProvider } from '../../src/provider/llamacpp-provider.js';
import type { ModelProvider } from '../../src/provider/model-provider.js';
import type { ModelSettings } from '../../src/provider/model-settings.js';
import { createOllamaProvider } from '../../src/provider/ollama-provider.js';
import { createOpenAiProvider } from '../../src/provider/openai-compatible-provider.js';
import { chatCompletion, createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { createMisbehavingServer, type Misbehavior, type MisbehavingServer } from '../helpers/fake-misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const limit = 256 * 1024;
const request = { messages: [{ role: 'user' as const, content: 'fix it' }] };
const text = 'x'.repeat(1000);

const sse = (data: unknown, event?: string) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`;
const endlessJson = (first: string): Misbehavior => ({ kind: 'endless', first, chunk: text });

/** Runs `call` against a fresh misbehaving server and returns what it threw. */
async function failureAgainst(behavior: Misbehavior, call: (origin: string) => Promise<unknown>): Promise<ProviderError> {
  server = await createMisbehavingServer(behavior);
  const error = await call(server.origin).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

/** The error must be the size limit's, and the server must have seen its connection closed. */
async function expectCutOff(error: ProviderError, limitText = '256 KB'): Promise<void> {
  expect(error.message).toMatch(
    new RegExp(`^the model server's reply passed the ${limitText} limit; the request to http://127\\.0\\.0\\.1:\\d+/\\S+ was cut off`),
  );
  expect(error.details).toMatchObject({ retryable: false, failure: 'too-large' });
  await server?.allClosed();
  expect(server?.closedConnections()).toBe(server?.requests());
}

const settings: ModelSettings = { maxReplyBytes: limit };
const streaming: ModelSettings = { ...settings, stream: true };
const openai = (origin: string, s: ModelSettings = settings, model = 'm'): ModelProvider =>
  createOpenAiProvider({ model, baseUrl: `${origin}/v1`, env: {}, settings: s });

describe('reply size limits on every back end', () => {
  it('cuts off an OpenAI-compatible stream that never ends', async () => {
    const chunk = sse({ choices: [{ delta: { content: text } }] });
    const error = await failureAgainst({ kind: 'endless', contentType: 'text/event-stream', chunk }, (origin) => openai(origin, streaming).generate(request));
    await expectCutOff(error);
  });

  it('cuts off a streamed reply whose single line never ends (no newline to split on)', async () => {
    const error = await failureAgainst(
      { kind: 'endless', contentType: 'text/event-stream', first: 'data: {"choices":[{"delta":{"content":"', chunk: text },
      (origin) => openai(origin, streaming).generate(request),
    );
    await expectCutOff(error);
  });

  it('cuts off an OpenAI-compatible JSON body that never ends', async () => {
    const error = await failureAgainst(endlessJson('{"choices":[{"message":{"content":"'), (origin) => openai(origin).generate(request));
    await expectCutOff(error);
  });

  it('refuses a body whose Content-Length is past the limit without reading it', async () => {
    const error = await failureAgainst({ kind: 'huge', bytes: 1_500_000_000, chunk: text }, (origin) => openai(origin).generate(request));
    await expectCutOff(error);
    expect(server?.sentBytes()).toBeLessThan(1_500_000_000);
  });

  it('takes a reply of exactly the limit', async () => {
    const fake = await createFakeOpenAiServer();
    try {
      const body = chatCompletion('fine');
      fake.enqueue({ body });
      const exact = Buffer.byteLength(JSON.stringify(body));
      expect((await openai(fake.origin, { maxReplyBytes: exact }).generate(request)).text).toBe('fine');
      fake.enqueue({ body });
      await expect(openai(fake.origin, { maxReplyBytes: exact - 1 }).generate(request)).rejects.toThrow(/passed the \d+ bytes limit/);
    } finally {
      await fake.close();
    }
  });

  it('applies 8 MB when the settings give no limit', async () => {
    const error = await failureAgainst({ kind: 'huge', bytes: 9 * 1024 * 1024, chunk: text }, (origin) => openai(origin, {}).generate(request));
    await expectCutOff(error, '8 MB');
  });

  it('cuts off a fill-in-the-middle body that never ends', async () => {
    const error = await failureAgainst(endlessJson('{"choices":[{"text":"'), (origin) => {
      const provider = openai(origin, settings, 'mercury-coder');
      if (provider.infill === undefined) throw new Error('mercury has /fim/completions');
      return provider.infill({ prefix: 'a', suffix: 'b' });
    });
    await expectCutOff(error);
  });

  it('cuts off a model list that never ends', async () => {
    const error = await failureAgainst(endlessJson('{"data":[{"id":"'), (origin) => openai(origin).listModels?.() ?? Promise.resolve());
    await expectCutOff(error);
  });

  it('cuts off an Ollama NDJSON stream that never ends', async () => {
    const chunk = `${JSON.stringify({ message: { content: text }, done: false })}\n`;
    const error = await failureAgainst({ kind: 'endless', contentType: 'application/x-ndjson', chunk }, (origin) =>
      createOllamaProvider({ model: 'm', host: origin, env: {}, settings: streaming }).generate(request),
    );
    await expectCutOff(error);
  });

  it('cuts off an Ollama JSON body that never ends', async () => {
    const error = await failureAgainst(endlessJson('{"message":{"content":"'), (origin) =>
      createOllamaProvider({ model: 'm', host: origin, env: {}, settings }).generate(request),
    );
    await expectCutOff(error);
  });

  it('cuts off a llama.cpp /infill stream that never ends', async () => {
    const error = await failureAgainst({ kind: 'endless', contentType: 'text/event-stream', chunk: sse({ content: text, stop: false }) }, (origin) => {
      const provider = createLlamaCppProvider({ host: origin, env: {}, settings: streaming });
      return provider.infill?.({ prefix: 'a', suffix: 'b' }) ?? Promise.resolve();
    });
    await expectCutOff(error);
  });

  it('cuts off a llama.cpp /infill body that never ends', async () => {
    const error = await failureAgainst(endlessJson('{"content":"'), (origin) => {
      const provider = createLlamaCppProvider({ host: origin, env: {}, settings });
      return provider.infill?.({ prefix: 'a', suffix: 'b' }) ?? Promise.resolve();
    });
    await expectCutOff(error);
  });

  it('cuts off an Anthropic event stream that never ends', async () => {
    const chunk = sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta');
    const error = await failureAgainst({ kind: 'endless', contentType: 'text/event-stream', chunk }, (origin) =>
      createAnthropicProvider({ model: 'm', baseUrl: origin, env: {}, settings: streaming }).generate(request),
    );
    await expectCutOff(error);
  });

  it('cuts off an Anthropic JSON body that never ends', async () => {
    const error = await failureAgainst(endlessJson('{"content":[{"type":"text","text":"'), (origin) =>
      createAnthropicProvider({ model: 'm', baseUrl: origin, env: {}, settings }).generate(request),
    );
    await expectCutOff(error);
  });
});
