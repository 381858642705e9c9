import { ProviderError } from '../errors.js';
import type { HttpResponse } from './http-request.js';
import { parseRetryAfter, serverErrorMessage } from './openai-chat-protocol.js';

/** What an error message needs to name, and a way to list the server's models for a 404. */
export interface HttpErrorContext {
  readonly model: string;
  readonly baseUrl: string;
  readonly listModels: () => Promise<string[] | undefined>;
}

/** Statuses a later identical request may get past. */
const retryableStatuses: ReadonlySet<number> = new Set([408, 409, 429]);

/** Whether a later identical request may succeed after `status`. */
export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status) || status >= 500;
}

/** The `ProviderError` for an HTTP error status from an OpenAI-compatible server. */
export async function toProviderError(response: HttpResponse, context: HttpErrorContext): Promise<ProviderError> {
  const { status } = response;
  const server = serverErrorMessage(response.text);
  const said = server === '' ? '' : ` (server: ${server})`;
  if (status === 401 || status === 403) {
    return new ProviderError(`authentication failed (${status}): check OPENAI_API_KEY${said}`, { status, retryable: false });
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
