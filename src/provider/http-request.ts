import { ProviderError } from '../errors.js';

/** A raw HTTP answer: any status, body read as text. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** An HTTP answer whose body is read as it arrives; error statuses are read whole into `text` instead. */
export type HttpStreamResponse = (Omit<HttpResponse, 'text'> & { readonly chunks: AsyncIterable<string> }) | (HttpResponse & { readonly chunks?: undefined });

/** One HTTP request; `fetch` is injected so tests and proxies can replace it. */
export interface HttpRequestOptions {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The caller's cancellation, `withTimeout`'s deadline included. */
  readonly signal?: AbortSignal;
  readonly fetch: typeof fetch;
}

/**
 * Sends one request and reads the whole body. Never throws for HTTP statuses; a refused or reset connection
 * is a retryable `ProviderError` with the cause; an aborted request is not retryable (`withTimeout` turns its
 * own deadline into a retryable timeout).
 */
export async function sendHttpRequest(options: HttpRequestOptions): Promise<HttpResponse> {
  const response = await start(options);
  const text = await guard(options, () => response.text(), 'the connection was lost while reading the reply');
  return { status: response.status, headers: response.headers, text };
}

/** Like `sendHttpRequest`, but a successful body comes as decoded text chunks; a connection lost mid-body is retryable. */
export async function openHttpStream(options: HttpRequestOptions): Promise<HttpStreamResponse> {
  const response = await start(options);
  const { status, headers, body } = response;
  if (status >= 400 || body === null) return { status, headers, text: await guard(options, () => response.text(), 'the connection was lost while reading the reply') };
  return { status, headers, chunks: decode(body, options) };
}

async function* decode(body: ReadableStream<Uint8Array>, options: HttpRequestOptions): AsyncIterable<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await guard(options, () => reader.read(), 'the connection was lost mid-stream');
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    // Stops the download when the consumer gives up early (a parse error, an abort).
    await reader.cancel().catch(() => undefined);
  }
}

async function start(options: HttpRequestOptions): Promise<Response> {
  return guard(options, () =>
    options.fetch(options.url, {
      method: options.method,
      headers: options.headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    }),
  );
}

async function guard<T>(options: HttpRequestOptions, action: () => Promise<T>, lost = `cannot reach ${options.url}`): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (options.signal?.aborted === true) throw new ProviderError('the request was aborted', { retryable: false }, { cause: error });
    throw new ProviderError(lost, { retryable: true }, { cause: error });
  }
}

/**
 * Parses a JSON reply body; anything else (a proxy's error page, a cut-off body) is a retryable
 * `ProviderError` quoting its first 200 characters: another try may reach a healthy instance.
 */
export function parseJsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    const excerpt = response.text.slice(0, 200);
    throw new ProviderError(`the server's reply is not JSON: ${JSON.stringify(excerpt)}`, { status: response.status, retryable: true }, { cause: error });
  }
}
