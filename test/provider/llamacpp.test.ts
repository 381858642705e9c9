import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../src/provider/model-provider.js';
import { createProvider } from '../../src/provider/provider-registry.js';
import type { RecordedRequest } from '../helpers/fake-http-server.js';
import { createFakeLlamaCppServer } from '../helpers/fake-llamacpp-server.js';
import { recordedJson, recordedText } from '../helpers/recorded-replies.js';
import { describeProviderContract } from './provider-contract.js';

const body = recordedText('llamacpp/chat-completion.json');

describeProviderContract('llamacpp (chat)', async () => {
  const server = await createFakeLlamaCppServer();
  return {
    server,
    create: (options) => createProvider('llamacpp', { env: { LLAMACPP_HOST: server.origin }, ...options }),
    replies: {
      ok: { raw: body },
      truncated: { raw: body.slice(0, 120) },
      reset: { chunks: [body.slice(0, 120), body.slice(120)], resetAfterChunks: 1, headers: { 'content-type': 'application/json' } },
      garbage: { raw: 'upstream connect error or disconnect/reset before headers' },
      unauthorized: { status: 401, body: recordedJson('llamacpp/error-401.json') },
      unknownModel: { status: 404, body: recordedJson('llamacpp/error-404.json') },
      rateLimited: { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 429, message: 'too many requests', type: 'unavailable_error' } } },
      serverError: { status: 503, body: { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } } },
    },
    expected: {
      usage: { promptTokens: 1117, completionTokens: 46 },
      models: ['qwen2.5-coder-7b-instruct-q4_k_m.gguf'],
      streams: false,
      truncated: /not JSON/,
      keyHint: 'LLAMACPP_API_KEY',
    },
    checkRequest(recorded: RecordedRequest, request: CompletionRequest) {
      expect(recorded).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
      expect(recorded.headers.authorization).toBeUndefined();
      expect(recorded.body).toEqual({ model: 'default', messages: request.messages, temperature: 0.2, max_tokens: 256, seed: 7 });
    },
  };
});

describe('llamacpp /infill', () => {
  it('sends input_prefix, input_suffix and input_extra and reads content and token counts', async () => {
    const server = await createFakeLlamaCppServer();
    try {
      server.enqueue({ body: recordedJson('llamacpp/infill.json') });
      const provider = createProvider('llamacpp:qwen', { env: { LLAMACPP_HOST: server.origin, LLAMACPP_API_KEY: 'secret' }, settings: { temperature: 0.1 } });
      expect(provider.id).toBe('llamacpp:qwen');
      const completion = await provider.infill?.({
        prefix: 'export function add(a: number, b: number) {\n  return ',
        suffix: ';\n}\n',
        extra: [{ filename: 'add.test.ts', text: 'expect(add(1, 2)).toBe(3);' }],
        maxTokens: 64,
        seed: 3,
      });
      expect(completion).toEqual({
        text: 'a + b',
        usage: { promptTokens: 57, completionTokens: 4, cachedTokens: 40 },
        model: 'qwen2.5-coder-7b-q4_k_m.gguf',
        finishReason: 'eos',
      });
      expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/infill', headers: { authorization: 'Bearer secret' } });
      expect(server.requests[0]?.body).toEqual({
        input_prefix: 'export function add(a: number, b: number) {\n  return ',
        input_suffix: ';\n}\n',
        input_extra: [{ filename: 'add.test.ts', text: 'expect(add(1, 2)).toBe(3);' }],
        temperature: 0.1,
        n_predict: 64,
        seed: 3,
        stream: false,
        cache_prompt: true,
      });
    } finally {
      await server.close();
    }
  });

  it('streams /infill events up to the one with stop: true', async () => {
    const server = await createFakeLlamaCppServer();
    try {
      const event = (data: object) => `data: ${JSON.stringify(data)}\n\n`;
      server.enqueue({
        chunks: [
          event({ content: 'a +', stop: false }),
          event({ content: ' b', stop: false }),
          event({ content: '', stop: true, tokens_predicted: 3, tokens_evaluated: 20 }),
        ],
      });
      server.enqueue({ chunks: [event({ content: 'a +', stop: false })] });
      const provider = createProvider('llamacpp', { env: { LLAMACPP_HOST: server.origin }, retry: false });
      const pieces: string[] = [];
      const completion = await provider.infill?.({ prefix: 'p', suffix: 's', onToken: (piece) => pieces.push(piece) });
      expect(completion).toMatchObject({ text: 'a + b', usage: { promptTokens: 20, completionTokens: 3 } });
      expect(pieces).toEqual(['a +', ' b']);
      await expect(provider.infill?.({ prefix: 'p', suffix: 's', onToken: () => undefined })).rejects.toThrow(/^truncated stream/);
    } finally {
      await server.close();
    }
  });
});
