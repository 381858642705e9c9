import { describe, expect, it } from 'vitest';
import { createProvider } from '../../src/provider/provider-registry.js';
import { chatCompletionChunks, createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import type { RecordedRequest } from '../helpers/fake-http-server.js';
import { recordedChunks, recordedJson, recordedText } from '../helpers/recorded-replies.js';
import { contractRequest, describeProviderContract, type ContractBackend } from './provider-contract.js';
import type { CompletionRequest } from '../../src/provider/model-provider.js';

const models = ['gpt-4o-mini', 'gpt-4.1'];
const body = recordedText('openai/chat-completion.json');
const stream = recordedChunks('openai/chat-stream.sse');
const errors = {
  unauthorized: { status: 401, body: recordedJson('openai/error-401.json') },
  unknownModel: { status: 404, body: recordedJson('openai/error-404.json') },
  rateLimited: { status: 429, headers: { 'retry-after': '2' }, body: recordedJson('openai/error-429.json') },
  serverError: { status: 500, body: recordedJson('openai/error-500.json') },
};

function checkRequest(streams: boolean) {
  return (recorded: RecordedRequest, request: CompletionRequest) => {
    expect(recorded).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(recorded.headers.authorization).toBe('Bearer sk-test');
    expect(recorded.body).toEqual({
      model: 'gpt-test',
      messages: request.messages,
      temperature: 0.2,
      max_tokens: 256,
      seed: 7,
      ...(streams ? { stream: true, stream_options: { include_usage: true } } : {}),
    });
  };
}

async function openAiBackend(streams: boolean): Promise<ContractBackend> {
  const server = await createFakeOpenAiServer({ models });
  return {
    server,
    create: (options) =>
      createProvider('openai:gpt-test', {
        env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test' },
        ...options,
        settings: { ...options.settings, stream: streams },
      }),
    replies: streams
      ? {
          ok: { chunks: stream },
          truncated: { chunks: stream.slice(0, 3) },
          reset: { chunks: stream, resetAfterChunks: 2 },
          garbage: { chunks: ['data: {"choices":[{"delta":{"content":"Fi\n\n'] },
          ...errors,
        }
      : {
          ok: { raw: body },
          truncated: { raw: body.slice(0, 150) },
          reset: { chunks: [body.slice(0, 150), body.slice(150)], resetAfterChunks: 1, headers: { 'content-type': 'application/json' } },
          garbage: { raw: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
          ...errors,
        },
    expected: {
      usage: { promptTokens: 1117, completionTokens: 46, cachedTokens: 1024 },
      models,
      streams,
      truncated: streams ? /^truncated stream: the server closed it before data: \[DONE\]$/ : /not JSON/,
      keyHint: 'OPENAI_API_KEY',
    },
    checkRequest: checkRequest(streams),
  };
}

describeProviderContract('openai (non-streaming)', () => openAiBackend(false));
describeProviderContract('openai (streaming)', () => openAiBackend(true));

describe('openai streaming details', () => {
  it('tolerates choices: null in the usage chunk and reports an error chunk as retryable', async () => {
    const server = await createFakeOpenAiServer();
    try {
      const nullChoices = chatCompletionChunks(['ok']).map((chunk) => chunk.replace('"choices":[],', '"choices":null,'));
      server.enqueue({ chunks: nullChoices }, { chunks: ['data: {"error":{"message":"CUDA out of memory"}}\n\n'] });
      const provider = createProvider('openai:m', { env: { OPENAI_BASE_URL: server.baseUrl }, retry: false, settings: { stream: true } });
      expect(await provider.generate(contractRequest)).toMatchObject({ text: 'ok', usage: { promptTokens: 12, completionTokens: 5 } });
      await expect(provider.generate(contractRequest)).rejects.toMatchObject({
        message: 'the server failed mid-stream: CUDA out of memory',
        details: { retryable: true },
      });
    } finally {
      await server.close();
    }
  });
});
