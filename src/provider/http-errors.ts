import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { HttpResponse } from './http-request.js';

/** What an error message needs to name, and a way to list the server's models for a 404. */
export interface HttpErrorContext {
  readonly model: string;
  readonly baseUrl: string;
  /** Where the key comes from, for "check …" after a 401/403, e.g. `OPENAI_API_KEY`. */
  readonly keyHint: string;
  readonly listModels: () => Promise<string[] | undefined>;
}

/** Statuses a later identical request may get past. */
const retryableStatuses: ReadonlySet<number> = new Set([408, 409, 429]);

/** Whether a later identical request may succeed after `status`. */
export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status) || status >= 500;
}

/** The `ProviderError` for an HTTP error status: clear words for 400/401/403/404, `Retry-After` for the retryable ones. */
export async function toProviderError(response: HttpResponse, context: HttpErrorContext): Promise<ProviderError> {
  const { status } = response;
  const server = serverErrorMessage(response.text);
  const said = server === '' ? '' : ` (server: ${server})`;
  if (status === 401 || status === 403) {
    return new ProviderError(`authentication failed (${status}): check ${context.keyHint}${said}`, { status, retryable: false });
  }
  if (status === 404) {
    const models = await context.listModels().catch(() => undefined);
    const available = models === undefined ? said : `; available models: ${models.length === 0 ? '(none)' : models.join(', ')}`;
    return new ProviderError(`model '${context.model}' not found at ${context.baseUrl}${available}`, { status, retryable: false });
  }
  if (status === 400) return new ProviderError(`the server rejected the request (400): ${server}`, { status, retryable: false });
  if (isRetryableStatus(status)) {
    const what = status === 429 ? 'rate limited' : status >= 500 ? 'server error' : 'request failed';
    const retryAfterMs = parseRetryAfter(response.headers);
    return new ProviderError(`${what} (${status})${said}`, { status, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  return new ProviderError(`request failed (${status})${said}`, { status, retryable: false });
}

const messageSchema = z.object({ message: z.string() });
const errorSchema = z.object({ error: z.union([z.string(), messageSchema]) });

/**
 * The server's own explanation in an error body — `{error:{message}}` (OpenAI, Anthropic), `{error}` (Ollama),
 * `{message}` — else its first 200 characters.
 */
export function serverErrorMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    const error = errorSchema.safeParse(json);
    if (error.success) return typeof error.data.error === 'string' ? error.data.error : error.data.error.message;
    const message = messageSchema.safeParse(json);
    if (message.success) return message.data.message;
  } catch {
    // Not JSON: the raw text is the best explanation there is.
  }
  return body.trim().slice(0, 200);
}

/**
 * How long the server asked us to wait: `retry-after-ms` (OpenAI), else `Retry-After` as seconds or an HTTP
 * date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
