import { z } from 'zod';
import { ProviderError } from '../errors.js';
import type { Completion, CompletionRequest } from './model-provider.js';

/** The JSON body of a chat completions request; `stream` is left for the streaming variant to set. */
export interface ChatCompletionBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly seed?: number;
  readonly stream?: boolean;
}

/** Builds the request body for `request`; only the sampling settings that were given are sent. */
export function buildChatCompletionBody(model: string, request: CompletionRequest): ChatCompletionBody {
  return {
    model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  };
}

const responseSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z
    .object({
      prompt_tokens: z.number().nullish(),
      completion_tokens: z.number().nullish(),
      prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

/**
 * Reads a chat completions response body (already JSON-parsed). A body without a first choice's content is
 * a retryable `ProviderError('empty reply')`: servers return it under load.
 */
export function parseChatCompletion(json: unknown): Completion {
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProviderError('the server answered with an unexpected JSON shape', { retryable: true }, { cause: parsed.error });
  }
  const { choices, usage, model } = parsed.data;
  const choice = choices?.[0];
  const text = choice?.message?.content;
  if (text === undefined || text === null) throw new ProviderError('empty reply: the server returned no choices', { retryable: true });
  return {
    text,
    ...(usage ? { usage: { promptTokens: usage.prompt_tokens ?? 0, completionTokens: usage.completion_tokens ?? 0, ...cached(usage.prompt_tokens_details?.cached_tokens) } } : {}),
    ...(model ? { model } : {}),
    ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}),
  };
}

function cached(tokens: number | null | undefined): { cachedTokens?: number } {
  return tokens === undefined || tokens === null ? {} : { cachedTokens: tokens };
}

/** The server's own explanation in an error body (`{error:{message}}`, `{error}`, `{message}`), else its first 200 characters. */
export function serverErrorMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    const error = z.object({ error: z.union([z.string(), z.object({ message: z.string() })]) }).safeParse(json);
    if (error.success) return typeof error.data.error === 'string' ? error.data.error : error.data.error.message;
    const message = z.object({ message: z.string() }).safeParse(json);
    if (message.success) return message.data.message;
  } catch {
    // Not JSON: the raw text is the best explanation there is.
  }
  return body.trim().slice(0, 200);
}

/** The model ids in a `GET /models` body, or undefined when it is not one. */
export function parseModelList(json: unknown): string[] | undefined {
  const parsed = z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse(json);
  return parsed.success ? parsed.data.data.map((model) => model.id) : undefined;
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
