import { createJsonHttpClient, replyLimit } from './json-http-client.js';
import type { Completion, ModelProvider } from './model-provider.js';
import { nonEmpty, normalizeBaseUrl, type Env } from './env-settings.js';
import { estimatePromptTokens, estimateTokens, type ModelSettings } from './model-settings.js';
import { buildOllamaChatBody, buildOllamaInfillBody, chunkText, finishOllamaReply, parseOllamaChunk, parseOllamaTags } from './ollama-protocol.js';
import { parseStreamedJson, readLines, truncatedStream } from './stream-lines.js';

/** Options of `createOllamaProvider`; unset ones come from the environment. */
export interface OllamaProviderOptions {
  readonly model: string;
  /** Default: `OLLAMA_HOST`, else `http://127.0.0.1:11434`. */
  readonly host?: string;
  /** Sent as a Bearer token when set (Ollama behind a proxy, ollama.com); default `OLLAMA_API_KEY`. */
  readonly apiKey?: string;
  /** How long Ollama keeps the model loaded between requests; default `15m` (a run asks often). */
  readonly keepAlive?: string;
  readonly settings?: ModelSettings;
  readonly fetch?: typeof fetch;
  readonly env?: Env;
}

/** Ollama's default address. */
export const defaultOllamaHost = 'http://127.0.0.1:11434';

/**
 * Ollama's native API: `/api/chat` (newline-delimited JSON when streaming) with `num_ctx` sized from the prompt,
 * and `/api/generate` with `suffix` for fill-in-the-middle. A prompt Ollama evaluated only in part comes
 * back with a warning (and `settings.onWarning` is told).
 */
export function createOllamaProvider(options: OllamaProviderOptions): ModelProvider {
  const env = options.env ?? process.env;
  const baseUrl = normalizeBaseUrl(options.host ?? nonEmpty(env.OLLAMA_HOST) ?? defaultOllamaHost, 'Ollama', defaultOllamaHost, true);
  const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(env.OLLAMA_API_KEY);
  const { model, settings = {} } = options;
  const bodyOptions = { settings, keepAlive: options.keepAlive ?? '15m' };
  const listModels = async (signal?: AbortSignal) => parseOllamaTags(await client.getJson('/api/tags', signal));
  const client = createJsonHttpClient({
    baseUrl,
    headers: apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` },
    fetch: options.fetch ?? globalThis.fetch,
    model,
    keyHint: 'OLLAMA_API_KEY (or the proxy in front of Ollama)',
    listModels,
    ...replyLimit(settings),
  });

  const send = async (
    path: string,
    body: { readonly stream: boolean },
    estimated: number,
    signal?: AbortSignal,
    onToken?: (text: string) => void,
  ): Promise<Completion> => {
    const completion = body.stream
      ? await readOllamaStream(await client.postStream(path, body, signal), estimated, onToken)
      : finishFromBody(await client.postJson(path, body, signal), estimated);
    for (const warning of completion.warnings ?? []) settings.onWarning?.(warning);
    return completion;
  };

  return {
    id: `ollama:${model}`,
    endpoint: baseUrl,
    generate: (request) =>
      send('/api/chat', buildOllamaChatBody(model, request, bodyOptions), estimatePromptTokens(request.messages), request.signal, request.onToken),
    infill: (request) =>
      send(
        '/api/generate',
        buildOllamaInfillBody(model, request, bodyOptions),
        estimateTokens(request.prefix + request.suffix),
        request.signal,
        request.onToken,
      ),
    async listModels(signal) {
      return (await listModels(signal)) ?? [];
    },
  };
}

function finishFromBody(json: unknown, estimated: number): Completion {
  const reply = parseOllamaChunk(json);
  return finishOllamaReply(reply, chunkText(reply), estimated);
}

/** Reads NDJSON until the `done: true` object; a stream that ends before it is a retryable "truncated stream". */
async function readOllamaStream(chunks: AsyncIterable<string>, estimated: number, onToken?: (text: string) => void): Promise<Completion> {
  let text = '';
  for await (const line of readLines(chunks)) {
    if (line.trim() === '') continue;
    const chunk = parseOllamaChunk(parseStreamedJson(line));
    const piece = chunkText(chunk);
    if (piece !== '') {
      text += piece;
      onToken?.(piece);
    }
    if (chunk.done === true) return finishOllamaReply(chunk, text, estimated);
  }
  throw truncatedStream('its final "done": true line');
}
