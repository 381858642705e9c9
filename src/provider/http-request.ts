import { ProviderError, type ProviderFailure } from '../core/errors.js';
import { createByteCounter, defaultMaxReplyBytes, replyTooLarge } from './reply-limit.js';

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
  /** The most bytes the reply body may take, streamed or not; default `defaultMaxReplyBytes` (8 MB). */
  readonly maxBytes?: number;
}

/** A response whose body is still to be read, and the byte count every read adds to. */
interface Started {
  readonly response: Response;
  readonly count: (bytes: number) => void;
}

const lostReading = 'the connection was lost while reading the reply';

/**
 * Sends one request and reads the whole body. Never throws for HTTP statuses; a refused or reset connection
 * is a retryable `ProviderError` with the cause; an aborted request is not retryable (`withTimeout` turns its
 * own deadline into a retryable timeout). A body past `maxBytes` is cut off: the request is aborted, its
 * socket closed, and a `too-large` `ProviderError` thrown.
 */
export async function sendHttpRequest(options: HttpRequestOptions): Promise<HttpResponse> {
  const started = await start(options);
  const { status, headers } = started.response;
  return { status, headers, text: await readText(started, options) };
}

/** Like `sendHttpRequest`, but a successful body comes as decoded text chunks; a connection lost mid-body is retryable. */
export async function openHttpStream(options: HttpRequestOptions): Promise<HttpStreamResponse> {
  const started = await start(options);
  const { status, headers, body } = started.response;
  if (status >= 400 || body === null) return { status, headers, text: await readText(started, options) };
  return { status, headers, chunks: decode(body, started.count, options, 'the connection was lost mid-stream') };
}

async function readText({ response, count }: Started, options: HttpRequestOptions): Promise<string> {
  if (response.body === null) return '';
  const parts: string[] = [];
  for await (const text of decode(response.body, count, options, lostReading)) parts.push(text);
  return parts.join('');
}

async function* decode(body: ReadableStream<Uint8Array>, count: (bytes: number) => void, options: HttpRequestOptions, lost: string): AsyncIterable<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await guard(options, () => reader.read(), lost, 'disconnected');
      if (done) break;
      count(value.byteLength);
      const text = decoder.decode(value, { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    // Stops the download when the consumer gives up early (a parse error, an abort, the size limit).
    await reader.cancel().catch(() => undefined);
  }
}

async function start(options: HttpRequestOptions): Promise<Started> {
  // Aborted when the reply passes the size limit: undici then closes the socket instead of draining it.
  const cutoff = new AbortController();
  const signal = options.signal === undefined ? cutoff.signal : AbortSignal.any([options.signal, cutoff.signal]);
  const response = await guard(
    options,
    () =>
      options.fetch(options.url, {
        method: options.method,
        headers: options.headers,
        ...(options.body === undefined ? {} : { body: options.body }),
        signal,
      }),
    `cannot reach ${options.url}`,
    'unreachable',
  );
  const maxBytes = options.maxBytes ?? defaultMaxReplyBytes;
  const cutOff = () => cutoff.abort();
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    cutOff();
    throw replyTooLarge(options.url, maxBytes);
  }
  return { response, count: createByteCounter(options.url, maxBytes, cutOff) };
}

async function guard<T>(options: HttpRequestOptions, action: () => Promise<T>, lost: string, failure: ProviderFailure): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (options.signal?.aborted === true) throw new ProviderError('the request was aborted', { retryable: false }, { cause: error });
    throw new ProviderError(lost, { retryable: true, failure }, { cause: error });
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
