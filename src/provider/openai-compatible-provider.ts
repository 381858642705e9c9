import { ConfigError, ProviderError } from '../errors.js';
import { sendHttpRequest, type HttpResponse } from './http-request.js';
import type { ModelProvider } from './model-provider.js';
import { buildChatCompletionBody, parseChatCompletion, parseModelList } from './openai-chat-protocol.js';
import { toProviderError } from './openai-http-errors.js';

export interface OpenAiProviderOptions {
  readonly model: string;
  /** Default: `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  readonly baseUrl?: string;
  /** Default: `OPENAI_API_KEY`. Local servers need none; the OpenAI API does. */
  readonly apiKey?: string;
  /** Per request, including reading the body; default 120 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** Where `OPENAI_*` variables are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const defaultOpenAiBaseUrl = 'https://api.openai.com/v1';
const defaultTimeoutMs = 120_000;

/**
 * A provider for any server speaking OpenAI's chat completions API (OpenAI, vLLM, LM Studio, llama.cpp's
 * server, …). Retries are not its business: wrap it with `withRetry`.
 */
export function createOpenAiProvider(options: OpenAiProviderOptions): ModelProvider {
  const env = options.env ?? process.env;
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? nonEmpty(env.OPENAI_BASE_URL) ?? defaultOpenAiBaseUrl);
  const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env.OPENAI_API_KEY);
  if (apiKey === undefined && new URL(baseUrl).hostname === 'api.openai.com') {
    throw new ConfigError('OPENAI_API_KEY is not set; the OpenAI API needs it (a local server set with OPENAI_BASE_URL does not)');
  }
  const { model } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const headers = { 'content-type': 'application/json', ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }) };

  const listModels = async (): Promise<string[] | undefined> => {
    const response = await sendHttpRequest({ url: `${baseUrl}/models`, method: 'GET', headers, timeoutMs, fetch: fetchImpl });
    return response.status === 200 ? parseModelList(parseJsonBody(response)) : undefined;
  };

  return {
    id: `openai:${model}`,
    async generate(request) {
      const response = await sendHttpRequest({
        url: `${baseUrl}/chat/completions`,
        method: 'POST',
        headers,
        body: JSON.stringify(buildChatCompletionBody(model, request)),
        timeoutMs,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        fetch: fetchImpl,
      });
      if (response.status >= 400) throw await toProviderError(response, { model, baseUrl, listModels });
      return parseChatCompletion(parseJsonBody(response));
    },
  };
}

function normalizeBaseUrl(raw: string): string {
  const protocol = URL.canParse(raw) ? new URL(raw).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError(`'${raw}' is not a valid base URL for an OpenAI-compatible server (expected e.g. http://localhost:8080/v1)`);
  }
  return raw.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseJsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    // The server broke its protocol, perhaps a proxy's error page; another try may reach a healthy instance.
    const excerpt = response.text.slice(0, 200);
    throw new ProviderError(`the server's reply is not JSON: ${JSON.stringify(excerpt)}`, { status: response.status, retryable: true }, { cause: error });
  }
}
