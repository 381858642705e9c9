import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion, CompletionRequest, TokenUsage } from './model-provider.js';
import { resolveSampling, type ModelSettings } from './model-settings.js';

/** The JSON body of a chat completions request. */
export interface ChatCompletionBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly seed?: number;
  readonly stream?: true;
  readonly stream_options?: { readonly include_usage: true };
  readonly response_format?: { readonly type: 'json_schema'; readonly json_schema: { readonly name: string; readonly schema: unknown; readonly strict: true } };
}

/**
 * Builds the request body; only the sampling settings that were given (in the request, else `settings`) are
 * sent. A streamed request asks for usage in the final chunk (`stream_options.include_usage`).
 */
export function buildChatCompletionBody(model: string, request: CompletionRequest, settings: ModelSettings = {}): ChatCompletionBody {
  const sampling = resolveSampling(request, settings);
  return {
    model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.maxTokens === undefined ? {} : { max_tokens: sampling.maxTokens }),
    ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
    ...(sampling.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
    ...(request.jsonSchema === undefined
      ? {}
      : { response_format: { type: 'json_schema', json_schema: { name: 'reply', schema: request.jsonSchema, strict: true } } }),
  };
}

/** The `usage` object of chat completion replies and final stream chunks. */
export const chatUsageSchema = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  })
  .nullish();

/** The `TokenUsage` in an OpenAI `usage` object (cached tokens from `prompt_tokens_details`). */
export function toTokenUsage(usage: z.infer<typeof chatUsageSchema>): TokenUsage | undefined {
  if (!usage) return undefined;
  const cachedTokens = usage.prompt_tokens_details?.cached_tokens;
  return {
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    ...(cachedTokens === undefined || cachedTokens === null ? {} : { cachedTokens }),
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
  usage: chatUsageSchema,
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
  const tokens = toTokenUsage(usage);
  return {
    text,
    ...(tokens ? { usage: tokens } : {}),
    ...(model ? { model } : {}),
    ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}),
  };
}

/** The model ids in a `GET /models` body, or undefined when it is not one. */
export function parseModelList(json: unknown): string[] | undefined {
  const parsed = z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse(json);
  return parsed.success ? parsed.data.data.map((model) => model.id) : undefined;
}
