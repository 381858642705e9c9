import { ProviderError } from '../errors.js';

/** A raw HTTP answer: any status, body read as text. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface HttpRequestOptions {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** The caller's cancellation; combined with the timeout. */
  readonly signal?: AbortSignal;
  readonly fetch: typeof fetch;
}

/**
 * Sends one request and reads the whole body under a timeout. Never throws for HTTP statuses; a timeout,
 * a refused or reset connection is a retryable `ProviderError` with the cause; the caller's abort is not
 * retryable.
 */
export async function sendHttpRequest(options: HttpRequestOptions): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await options.fetch(options.url, {
      method: options.method,
      headers: options.headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      signal,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (options.signal?.aborted === true) throw new ProviderError('the request was aborted', { retryable: false }, { cause: error });
    if (timeout.aborted) {
      throw new ProviderError(`the request to ${options.url} timed out after ${formatSeconds(options.timeoutMs)}`, { retryable: true }, { cause: error });
    }
    throw new ProviderError(`cannot reach ${options.url}`, { retryable: true }, { cause: error });
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}
