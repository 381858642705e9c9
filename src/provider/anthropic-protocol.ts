import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion, CompletionRequest, TokenUsage } from './model-provider.js';
import { resolveSampling, type ModelSettings } from './model-settings.js';

/** The API version every request pins (`anthropic-version`). */
export const anthropicVersion = '2023-06-01';
/** Messages requires `max_tokens`; this is sent when neither the request nor the settings give one. */
export const defaultAnthropicMaxTokens = 4096;

interface AnthropicMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/**
 * The body of `POST /v1/messages`: system messages go to the top-level `system`; consecutive messages of one
 * role are merged, since the API wants them alternating. Anthropic takes no seed.
 */
export function buildAnthropicBody(model: string, request: CompletionRequest, settings: ModelSettings = {}) {
  const sampling = resolveSampling(request, settings);
  const system = request.messages.filter((message) => message.role === 'system').map((message) => message.content);
  const messages: AnthropicMessage[] = [];
  for (const { role, content } of request.messages) {
    if (role === 'system') continue;
    const last = messages.at(-1);
    if (last?.role === role) messages[messages.length - 1] = { role, content: `${last.content}\n\n${content}` };
    else messages.push({ role, content });
  }
  return {
    model,
    max_tokens: sampling.maxTokens ?? defaultAnthropicMaxTokens,
    ...(system.length === 0 ? {} : { system: system.join('\n\n') }),
    messages,
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.stream ? { stream: true } : {}),
  };
}

/** The `usage` object of Messages replies and stream events. */
export const anthropicUsageSchema = z.object({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
});

type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

/** Sums two usage reports field by field (`message_start` has the input side, `message_delta` the output). */
export function mergeAnthropicUsage(first: AnthropicUsage, later: AnthropicUsage): AnthropicUsage {
  return {
    input_tokens: later.input_tokens ?? first.input_tokens,
    output_tokens: later.output_tokens ?? first.output_tokens,
    cache_read_input_tokens: later.cache_read_input_tokens ?? first.cache_read_input_tokens,
    cache_creation_input_tokens: later.cache_creation_input_tokens ?? first.cache_creation_input_tokens,
  };
}

/** `input_tokens` leaves out cached tokens; `promptTokens` counts every prompt token, so they are added back. */
export function toAnthropicTokenUsage(usage: AnthropicUsage): TokenUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const prompt = (usage.input_tokens ?? 0) + cacheRead + (usage.cache_creation_input_tokens ?? 0);
  return { promptTokens: prompt, completionTokens: usage.output_tokens ?? 0, ...(usage.cache_read_input_tokens == null ? {} : { cachedTokens: cacheRead }) };
}

const messageSchema = z.object({
  model: z.string().nullish(),
  content: z.array(z.object({ type: z.string(), text: z.string().nullish() })),
  stop_reason: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
});

/** Reads a non-streamed Messages reply: the text blocks joined. */
export function parseAnthropicMessage(json: unknown): Completion {
  const parsed = messageSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError('Anthropic answered with an unexpected JSON shape', { retryable: true }, { cause: parsed.error });
  const { model, content, stop_reason: stopReason, usage } = parsed.data;
  return {
    text: content.map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join(''),
    ...(usage ? { usage: toAnthropicTokenUsage(usage) } : {}),
    ...(model ? { model } : {}),
    ...(stopReason ? { finishReason: stopReason } : {}),
  };
}

/** The model ids in a `GET /v1/models` body. */
export function parseAnthropicModels(json: unknown): string[] | undefined {
  const parsed = z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse(json);
  return parsed.success ? parsed.data.data.map((model) => model.id) : undefined;
}
