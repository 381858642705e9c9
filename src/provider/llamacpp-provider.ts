import { createJsonHttpClient, replyLimit } from './json-http-client.js';
import type { ModelProvider } from './model-provider.js';
import { nonEmpty, normalizeBaseUrl, type Env } from './env-settings.js';
import type { ModelSettings } from './model-settings.js';
import { buildInfillBody, parseInfillReply, readInfillStream } from './llamacpp-infill.js';
import { createOpenAiProvider } from './openai-compatible-provider.js';

/** Options of `createLlamaCppProvider`; unset ones come from the environment. */
export interface LlamaCppProviderOptions {
  /** The model alias sent as `model` (llama.cpp serves the one it loaded whatever this says); default `default`. */
  readonly model?: string;
  /** Default: `LLAMACPP_HOST`, else `http://127.0.0.1:8080`. */
  readonly host?: string;
  /** The server's `--api-key`, sent as a Bearer token; default `LLAMACPP_API_KEY`. */
  readonly apiKey?: string;
  readonly settings?: ModelSettings;
  readonly fetch?: typeof fetch;
  readonly env?: Env;
}

/** `llama-server`'s default address. */
export const defaultLlamaCppHost = 'http://127.0.0.1:8080';

/**
 * llama.cpp's `llama-server`: chat through its OpenAI-compatible `/v1/chat/completions`, fill-in-the-middle
 * through `/infill` (`input_prefix`, `input_suffix`, `input_extra`).
 */
export function createLlamaCppProvider(options: LlamaCppProviderOptions = {}): ModelProvider {
  const env = options.env ?? process.env;
  const host = normalizeBaseUrl(options.host ?? nonEmpty(env.LLAMACPP_HOST) ?? defaultLlamaCppHost, "llama.cpp's server", defaultLlamaCppHost, true);
  const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env.LLAMACPP_API_KEY);
  const model = options.model ?? 'default';
  const settings = options.settings ?? {};
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const chat = createOpenAiProvider({
    model,
    baseUrl: `${host}/v1`,
    ...(apiKey === undefined ? {} : { apiKey }),
    settings,
    fetch: fetchImpl,
    env: {},
    idPrefix: 'llamacpp',
    keyHint: 'LLAMACPP_API_KEY',
  });
  const client = createJsonHttpClient({
    baseUrl: host,
    headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
    fetch: fetchImpl,
    model,
    keyHint: 'LLAMACPP_API_KEY',
    ...replyLimit(settings),
  });

  return {
    ...chat,
    endpoint: host,
    async infill(request) {
      const body = buildInfillBody(request, settings);
      if (!body.stream) return parseInfillReply(await client.postJson('/infill', body, request.signal));
      return readInfillStream(await client.postStream('/infill', body, request.signal), request.onToken);
    },
  };
}
