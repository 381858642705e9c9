import { createFakeHttpServer, type FakeHttpServer, type FakeResponse } from './fake-http-server.js';

export type { FakeResponse, RecordedRequest } from './fake-http-server.js';

/** A fake OpenAI-compatible server. */
export interface FakeOpenAiServer extends FakeHttpServer {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
}

/** A chat completion body with `text` as the reply, as an OpenAI-compatible server sends it. */
export function chatCompletion(text: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
    ...extra,
  };
}

/** A streamed chat completion (SSE chunks, a usage chunk with `choices: []`, `[DONE]`) of `pieces`. */
export function chatCompletionChunks(pieces: readonly string[], usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 }): string[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'fake-model', choices, ...extra })}\n\n`;
  return [
    ...pieces.map((content) => chunk([{ index: 0, delta: { content }, finish_reason: null }])),
    chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
    chunk([], { usage }),
    'data: [DONE]\n\n',
  ];
}

/**
 * A real HTTP server on 127.0.0.1 speaking the chat completions API (JSON or SSE) from a queue of responses;
 * GET /v1/models lists `models` (or answers `modelsStatus`).
 */
export async function createFakeOpenAiServer(
  options: { readonly models?: readonly string[]; readonly modelsStatus?: number; readonly prefix?: string } = {},
): Promise<FakeOpenAiServer> {
  const prefix = options.prefix ?? '/v1';
  const models = (): FakeResponse => ({
    status: options.modelsStatus ?? 200,
    body: { object: 'list', data: (options.models ?? []).map((id) => ({ id, object: 'model', created: 1741570283, owned_by: 'system' })) },
  });
  const server = await createFakeHttpServer({ [`GET ${prefix}/models`]: models }, 'text/event-stream');
  return Object.assign(server, { baseUrl: `${server.origin}${prefix}` });
}
