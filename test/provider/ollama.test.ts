import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../src/provider/model-provider.js';
import { createProvider } from '../../src/provider/provider-registry.js';
import type { RecordedRequest } from '../helpers/fake-http-server.js';
import { createFakeOllamaServer } from '../helpers/fake-ollama-server.js';
import { recordedChunks, recordedJson } from '../helpers/recorded-replies.js';
import { contractRequest, describeProviderContract } from './provider-contract.js';

const stream = recordedChunks('ollama/chat.ndjson');
const env = (origin: string) => ({ OLLAMA_HOST: origin });

describeProviderContract('ollama', async () => {
  const server = await createFakeOllamaServer();
  return {
    server,
    create: (options) => createProvider('ollama:qwen-test', { env: env(server.origin), ...options, settings: { ...options.settings, stream: true } }),
    replies: {
      ok: { chunks: stream },
      truncated: { chunks: stream.slice(0, 2) },
      reset: { chunks: stream, resetAfterChunks: 2 },
      garbage: { chunks: ['{"model":"qwen2.5-coder:7b","message":{"content":"Fi\n'] },
      unauthorized: { status: 401, body: recordedJson('ollama/error-401.json') },
      unknownModel: { status: 404, body: recordedJson('ollama/error-404.json') },
      rateLimited: { status: 429, headers: { 'retry-after': '2' }, body: { error: 'too many requests' } },
      serverError: { status: 500, body: { error: 'llama runner process has terminated: signal: killed' } },
    },
    expected: {
      usage: { promptTokens: 26, completionTokens: 6 },
      models: ['qwen2.5-coder:7b', 'llama3.2:latest'],
      streams: true,
      truncated: /^truncated stream: the server closed it before its final "done": true line$/,
      keyHint: 'OLLAMA_API_KEY (or the proxy in front of Ollama)',
    },
    checkRequest(recorded: RecordedRequest, request: CompletionRequest) {
      expect(recorded).toMatchObject({ method: 'POST', url: '/api/chat' });
      expect(recorded.headers.authorization).toBeUndefined();
      expect(recorded.body).toEqual({
        model: 'qwen-test',
        messages: request.messages,
        stream: true,
        options: { temperature: 0.2, num_predict: 256, seed: 7, num_ctx: 4096 },
        keep_alive: '15m',
      });
    },
  };
});

describe('ollama specifics', () => {
  const withServer = async (test: (server: Awaited<ReturnType<typeof createFakeOllamaServer>>) => Promise<void>) => {
    const server = await createFakeOllamaServer();
    try {
      await test(server);
    } finally {
      await server.close();
    }
  };

  it('fills in the middle through /api/generate with suffix (the template places the FIM tokens, so not raw)', () =>
    withServer(async (server) => {
      server.enqueue({ chunks: recordedChunks('ollama/generate-fim.ndjson') });
      const provider = createProvider('ollama:qwen2.5-coder:7b', { env: env(server.origin), retry: false });
      const completion = await provider.infill?.({ prefix: 'function add(a, b) {\n  return ', suffix: ';\n}\n', maxTokens: 32, onToken: () => undefined });
      expect(completion).toMatchObject({ text: 'a + b', usage: { promptTokens: 19, completionTokens: 3 }, finishReason: 'stop' });
      expect(server.requests[0]).toMatchObject({ url: '/api/generate' });
      expect(server.requests[0]?.body).toEqual({
        model: 'qwen2.5-coder:7b',
        prompt: 'function add(a, b) {\n  return ',
        suffix: ';\n}\n',
        stream: true,
        options: { num_predict: 32, num_ctx: 4096 },
        keep_alive: '15m',
      });
    }));

  it('sizes num_ctx from the prompt and warns when Ollama evaluated far less of it', () =>
    withServer(async (server) => {
      const final = { ...(recordedJson('ollama/chat.json') as object), prompt_eval_count: 2048 };
      server.enqueue({ body: final });
      const warnings: string[] = [];
      const provider = createProvider('ollama:qwen-test', {
        env: env(server.origin),
        retry: false,
        settings: { onWarning: (warning) => warnings.push(warning) },
      });
      const long = { messages: [{ role: 'user' as const, content: 'x'.repeat(40_000) }], maxTokens: 1024 };
      const completion = await provider.generate(long);
      expect(server.requests[0]?.body).toMatchObject({ stream: false, options: { num_ctx: 16_384, num_predict: 1024 } });
      expect(completion.text).toBe('Fixed: return a + b;');
      expect(completion.warnings).toEqual([
        expect.stringMatching(/^Ollama evaluated only 2048 prompt tokens of about 10004: it probably truncated the prompt/),
      ]);
      expect(warnings).toEqual(completion.warnings);
    }));

  it('uses an explicit contextSize and accepts OLLAMA_HOST without a scheme', () =>
    withServer(async (server) => {
      server.enqueue({ body: recordedJson('ollama/chat.json') });
      const provider = createProvider('ollama:qwen-test', { env: { OLLAMA_HOST: server.origin.replace('http://', '') }, settings: { contextSize: 32_768 } });
      expect((await provider.generate(contractRequest)).warnings).toBeUndefined();
      expect(server.requests[0]?.body).toMatchObject({ options: { num_ctx: 32_768 } });
    }));

  it('reports an error line mid-stream as retryable', () =>
    withServer(async (server) => {
      server.enqueue({ chunks: [...recordedChunks('ollama/chat.ndjson').slice(0, 1), '{"error":"an error was encountered while running the model"}\n'] });
      const provider = createProvider('ollama:qwen-test', { env: env(server.origin), retry: false });
      await expect(provider.generate({ ...contractRequest, onToken: () => undefined })).rejects.toMatchObject({
        message: 'Ollama failed: an error was encountered while running the model',
        details: { retryable: true },
      });
    }));
});
