import { ConfigError } from '../core/errors.js';
import { parseAnthropicMessage, parseAnthropicModels, anthropicVersion, buildAnthropicBody } from './anthropic-protocol.js';
import { readAnthropicStream } from './anthropic-stream.js';
import { nonEmpty, normalizeBaseUrl, type Env } from './env-settings.js';
import { createJsonHttpClient, replyLimit } from './json-http-client.js';
import type { ModelProvider } from './model-provider.js';
import type { ModelSettings } from './model-settings.js';

/** Options of `createAnthropicProvider`; unset ones come from the environment. */
export interface AnthropicProviderOptions {
  readonly model: string;
  /** Default: `ANTHROPIC_BASE_URL`, else `https://api.anthropic.com` (without `/v1`). */
  readonly baseUrl?: string;
  /** Default: `ANTHROPIC_API_KEY`; required for the Anthropic API itself. */
  readonly apiKey?: string;
  readonly settings?: ModelSettings;
  readonly fetch?: typeof fetch;
  readonly env?: Env;
}

/** Where the Anthropic API lives, without `/v1`. */
export const defaultAnthropicBaseUrl = 'https://api.anthropic.com';

/** Anthropic's Messages API (`x-api-key`, pinned `anthropic-version`), streaming its events when asked. */
export function createAnthropicProvider(options: AnthropicProviderOptions): ModelProvider {
  const env = options.env ?? process.env;
  const baseUrl = normalizeBaseUrl(
    options.baseUrl ?? nonEmpty(env.ANTHROPIC_BASE_URL) ?? defaultAnthropicBaseUrl,
    'the Anthropic API',
    defaultAnthropicBaseUrl,
  );
  const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env.ANTHROPIC_API_KEY);
  if (apiKey === undefined && new URL(baseUrl).hostname === 'api.anthropic.com') {
    throw new ConfigError('ANTHROPIC_API_KEY is not set; the Anthropic API needs it');
  }
  const { model, settings = {} } = options;
  const listModels = async (signal?: AbortSignal) => parseAnthropicModels(await client.getJson('/v1/models?limit=100', signal));
  const client = createJsonHttpClient({
    baseUrl,
    headers: { 'anthropic-version': anthropicVersion, ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }) },
    fetch: options.fetch ?? globalThis.fetch,
    model,
    keyHint: 'ANTHROPIC_API_KEY',
    listModels,
    ...replyLimit(settings),
  });

  return {
    id: `anthropic:${model}`,
    endpoint: baseUrl,
    async generate(request) {
      const body = buildAnthropicBody(model, request, settings);
      if (body.stream !== true) return parseAnthropicMessage(await client.postJson('/v1/messages', body, request.signal));
      return readAnthropicStream(await client.postStream('/v1/messages', body, request.signal), request.onToken);
    },
    async listModels(signal) {
      return (await listModels(signal)) ?? [];
    },
  };
}
