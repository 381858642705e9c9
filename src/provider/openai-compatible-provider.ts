import { ConfigError } from '../core/errors.js';
import { createJsonHttpClient, replyLimit } from './json-http-client.js';
import type { InfillRequest, ModelProvider } from './model-provider.js';
import { buildFimBody, hasFimEndpoint, parseFimCompletion } from './openai-fim-protocol.js';
import { nonEmpty, normalizeBaseUrl, type Env } from './env-settings.js';
import type { ModelSettings } from './model-settings.js';
import { buildChatCompletionBody, parseChatCompletion, parseModelList } from './openai-chat-protocol.js';
import { readChatCompletionStream } from './openai-chat-stream.js';

/** Options of `createOpenAiProvider`; unset ones come from the environment. */
export interface OpenAiProviderOptions {
  readonly model: string;
  /** Default: `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  readonly baseUrl?: string;
  /** Default: `OPENAI_API_KEY`. Local servers need none; the OpenAI API does. */
  readonly apiKey?: string;
  readonly settings?: ModelSettings;
  readonly fetch?: typeof fetch;
  /** Where `OPENAI_*` variables are read; default `process.env`. */
  readonly env?: Env;
  /** The id's prefix, e.g. `llamacpp` for llama.cpp's server; default `openai`. */
  readonly idPrefix?: string;
  /** Named in a 401's message; default `OPENAI_API_KEY`. */
  readonly keyHint?: string;
}

/** The OpenAI API, used when neither an option nor `OPENAI_BASE_URL` names a server. */
export const defaultOpenAiBaseUrl = 'https://api.openai.com/v1';

/**
 * A provider for any server speaking OpenAI's chat completions API (OpenAI, Ollama's `/v1`, vLLM, LM Studio,
 * llama.cpp's server, Mercury Coder), streaming (SSE) when asked. Retries and timeouts are not its business:
 * the registry wraps it with `withRetry` and `withTimeout`.
 */
export function createOpenAiProvider(options: OpenAiProviderOptions): ModelProvider {
  const env = options.env ?? process.env;
  const baseUrl = normalizeBaseUrl(
    options.baseUrl ?? nonEmpty(env.OPENAI_BASE_URL) ?? defaultOpenAiBaseUrl,
    'an OpenAI-compatible server',
    'http://localhost:8080/v1',
  );
  const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env.OPENAI_API_KEY);
  if (apiKey === undefined && new URL(baseUrl).hostname === 'api.openai.com') {
    throw new ConfigError('OPENAI_API_KEY is not set; the OpenAI API needs it (a local server set with OPENAI_BASE_URL does not)');
  }
  const { model, settings = {} } = options;
  const listModels = async (signal?: AbortSignal) => parseModelList(await client.getJson('/models', signal));
  const client = createJsonHttpClient({
    baseUrl,
    headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
    fetch: options.fetch ?? globalThis.fetch,
    model,
    keyHint: options.keyHint ?? 'OPENAI_API_KEY',
    listModels,
    ...replyLimit(settings),
  });

  return {
    id: `${options.idPrefix ?? 'openai'}:${model}`,
    endpoint: baseUrl,
    async generate(request) {
      const body = buildChatCompletionBody(model, request, settings);
      if (body.stream !== true) return parseChatCompletion(await client.postJson('/chat/completions', body, request.signal));
      return readChatCompletionStream(await client.postStream('/chat/completions', body, request.signal), request.onToken);
    },
    ...(hasFimEndpoint(model)
      ? {
          infill: async (request: InfillRequest) =>
            parseFimCompletion(await client.postJson('/fim/completions', buildFimBody(model, request, settings), request.signal)),
        }
      : {}),
    async listModels(signal) {
      return (await listModels(signal)) ?? [];
    },
  };
}
