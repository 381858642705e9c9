import { openHttpStream, parseJsonBody, sendHttpRequest } from './http-request.js';
import { toProviderError } from './http-errors.js';

/** What `createJsonHttpClient` binds to. */
export interface JsonHttpClientOptions {
  /** Without a trailing slash; paths are appended as given. */
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch;
  /** For error messages: the model asked for and where its key comes from. */
  readonly model: string;
  readonly keyHint: string;
  /** Lists the server's models after a 404; undefined when it cannot. */
  readonly listModels?: (signal?: AbortSignal) => Promise<string[] | undefined>;
  /** The most bytes one reply may take, streamed or not; default 8 MB (`defaultMaxReplyBytes`). */
  readonly maxReplyBytes?: number;
}

/** The HTTP verbs every network adapter needs, with its error statuses already turned into `ProviderError`s. */
export interface JsonHttpClient {
  readonly baseUrl: string;
  /** POSTs `body` as JSON and parses the JSON reply. */
  postJson(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
  /** POSTs `body` as JSON and yields the reply's text chunks as they arrive. */
  postStream(path: string, body: unknown, signal?: AbortSignal): Promise<AsyncIterable<string>>;
  /** GETs a JSON document; undefined for any status but 200. */
  getJson(path: string, signal?: AbortSignal): Promise<unknown>;
}

/** A small JSON-over-HTTP client bound to one server; see `toProviderError` for what each status becomes. */
export function createJsonHttpClient(options: JsonHttpClientOptions): JsonHttpClient {
  const { baseUrl, headers, fetch } = options;
  const limit = options.maxReplyBytes === undefined ? {} : { maxBytes: options.maxReplyBytes };
  const post = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, fetch, ...limit } as const;
  const withSignal = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { signal });
  const context = (signal: AbortSignal | undefined) => ({
    model: options.model,
    baseUrl,
    keyHint: options.keyHint,
    listModels: async () => (options.listModels ? options.listModels(signal) : undefined),
  });

  return {
    baseUrl,
    async postJson(path, body, signal) {
      const response = await sendHttpRequest({ ...post, url: `${baseUrl}${path}`, body: JSON.stringify(body), ...withSignal(signal) });
      if (response.status >= 400) throw await toProviderError(response, context(signal));
      return parseJsonBody(response);
    },
    async postStream(path, body, signal) {
      const response = await openHttpStream({ ...post, url: `${baseUrl}${path}`, body: JSON.stringify(body), ...withSignal(signal) });
      if (response.chunks === undefined) throw await toProviderError(response, context(signal));
      return response.chunks;
    },
    async getJson(path, signal) {
      const response = await sendHttpRequest({ method: 'GET', headers, fetch, ...limit, url: `${baseUrl}${path}`, ...withSignal(signal) });
      return response.status === 200 ? parseJsonBody(response) : undefined;
    },
  };
}

/** The client option for `settings.maxReplyBytes`, when the settings set one. */
export function replyLimit(settings: { readonly maxReplyBytes?: number }): { maxReplyBytes?: number } {
  return settings.maxReplyBytes === undefined ? {} : { maxReplyBytes: settings.maxReplyBytes };
}
