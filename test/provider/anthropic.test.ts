import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../src/provider/model-provider.js';
import { createProvider } from '../../src/provider/provider-registry.js';
import { createFakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import type { RecordedRequest } from '../helpers/fake-http-server.js';
import { recordedChunks, recordedJson } from '../helpers/recorded-replies.js';
import { contractRequest, describeProviderContract } from './provider-contract.js';

const stream = recordedChunks('anthropic/message-stream.sse');
const env = (origin: string) => ({ ANTHROPIC_BASE_URL: origin, ANTHROPIC_API_KEY: 'sk-ant-test' });

describeProviderContract('anthropic', async () => {
  const server = await createFakeAnthropicServer();
  return {
    server,
    create: (options) => createProvider('anthropic:claude-test', { env: env(server.origin), ...options, settings: { ...options.settings, stream: true } }),
    replies: {
      ok: { chunks: stream },
      truncated: { chunks: stream.slice(0, 5) },
      reset: { chunks: stream, resetAfterChunks: 3 },
      garbage: { chunks: ['event: message_start\ndata: {"type":"message_st\n\n'] },
      unauthorized: { status: 401, body: recordedJson('anthropic/error-401.json') },
      unknownModel: { status: 404, body: recordedJson('anthropic/error-404.json') },
      rateLimited: { status: 429, headers: { 'retry-after': '2' }, body: recordedJson('anthropic/error-429.json') },
      serverError: { status: 500, body: recordedJson('anthropic/error-500.json') },
    },
    expected: {
      usage: { promptTokens: 1117, completionTokens: 46, cachedTokens: 1024 },
      models: ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'],
      streams: true,
      truncated: /^truncated stream: the server closed it before message_stop$/,
      keyHint: 'ANTHROPIC_API_KEY',
    },
    checkRequest(recorded: RecordedRequest, request: CompletionRequest) {
      expect(recorded).toMatchObject({ method: 'POST', url: '/v1/messages' });
      expect(recorded.headers).toMatchObject({ 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' });
      expect(recorded.headers.authorization).toBeUndefined();
      expect(recorded.body).toEqual({
        model: 'claude-test',
        max_tokens: 256,
        system: request.messages[0]?.content,
        messages: [{ role: 'user', content: request.messages[1]?.content }],
        temperature: 0.2,
        stream: true,
      });
    },
  };
});

describe('anthropic specifics', () => {
  it('reads a non-streamed message, sending the default max_tokens', async () => {
    const server = await createFakeAnthropicServer();
    try {
      server.enqueue({ body: recordedJson('anthropic/message.json') });
      const provider = createProvider('anthropic:claude-test', { env: env(server.origin) });
      const completion = await provider.generate({ messages: contractRequest.messages });
      expect(completion).toEqual({
        text: 'Fixed: return a + b;',
        usage: { promptTokens: 1117, completionTokens: 46, cachedTokens: 1024 },
        model: 'claude-sonnet-4-5-20250929',
        finishReason: 'end_turn',
      });
      expect(server.requests[0]?.body).toMatchObject({ max_tokens: 4096 });
      expect(server.requests[0]?.body).not.toHaveProperty('stream');
    } finally {
      await server.close();
    }
  });

  it('reports an overloaded_error event mid-stream as retryable and retries it', async () => {
    const server = await createFakeAnthropicServer();
    try {
      server.enqueue({ chunks: recordedChunks('anthropic/stream-overloaded.sse') }, { chunks: stream });
      const once = createProvider('anthropic:claude-test', { env: env(server.origin), retry: false, settings: { stream: true } });
      await expect(once.generate(contractRequest)).rejects.toMatchObject({
        message: 'Anthropic failed mid-stream: overloaded_error: Overloaded',
        details: { retryable: true },
      });
      server.enqueue({ chunks: recordedChunks('anthropic/stream-overloaded.sse') }, { chunks: stream });
      const retried = createProvider('anthropic:claude-test', { env: env(server.origin), retry: { sleep: async () => undefined }, settings: { stream: true } });
      expect((await retried.generate(contractRequest)).text).toBe('Fixed: return a + b;');
    } finally {
      await server.close();
    }
  });

  it('needs ANTHROPIC_API_KEY for the Anthropic API', () => {
    expect(() => createProvider('anthropic:claude-sonnet-4-5', { env: {} })).toThrow(/^ANTHROPIC_API_KEY is not set/);
  });
});
