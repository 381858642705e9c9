import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion, CompletionRequest, InfillRequest } from './model-provider.js';
import { estimatePromptTokens, estimateTokens, resolveSampling, type ModelSettings } from './model-settings.js';

/** What the provider adds to every Ollama body. */
export interface OllamaBodyOptions {
  readonly settings: ModelSettings;
  /** How long Ollama keeps the model loaded after the request, e.g. `15m`. */
  readonly keepAlive: string;
}

/** The smallest `num_ctx` asked for: Ollama's own default is 2048–4096 depending on the version. */
const minContext = 4096;
const maxContext = 131_072;

/**
 * The `num_ctx` for a prompt of `promptTokens`: room for the prompt and the reply, rounded up to a power of
 * two (a changed `num_ctx` makes Ollama reload the model, so few distinct values are better). An explicit
 * `contextSize` wins.
 */
export function contextSizeFor(promptTokens: number, maxTokens: number | undefined, contextSize?: number): number {
  if (contextSize !== undefined) return contextSize;
  const needed = Math.ceil(promptTokens * 1.25) + (maxTokens ?? 2048);
  let size = minContext;
  while (size < needed && size < maxContext) size *= 2;
  return size;
}

function ollamaOptions(request: CompletionRequest | InfillRequest, promptTokens: number, settings: ModelSettings) {
  const sampling = resolveSampling(request, settings);
  return {
    stream: sampling.stream,
    options: {
      ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
      ...(sampling.maxTokens === undefined ? {} : { num_predict: sampling.maxTokens }),
      ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
      num_ctx: contextSizeFor(promptTokens, sampling.maxTokens, settings.contextSize),
    },
  };
}

/** The body of `POST /api/chat`; `num_ctx` is sized from the prompt so Ollama does not truncate it. */
export function buildOllamaChatBody(model: string, request: CompletionRequest, options: OllamaBodyOptions) {
  return {
    model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    ...ollamaOptions(request, estimatePromptTokens(request.messages), options.settings),
    ...(request.jsonSchema === undefined ? {} : { format: request.jsonSchema }),
    keep_alive: options.keepAlive,
  };
}

/**
 * The body of `POST /api/generate` for fill-in-the-middle: `prompt` is the prefix, `suffix` the rest. Not `raw`:
 * the model's template is what places the FIM tokens around them.
 */
export function buildOllamaInfillBody(model: string, request: InfillRequest, options: OllamaBodyOptions) {
  return {
    model,
    prompt: request.prefix,
    suffix: request.suffix,
    ...ollamaOptions(request, estimateTokens(request.prefix + request.suffix) + 8, options.settings),
    keep_alive: options.keepAlive,
  };
}

/** One object of an Ollama reply: a streamed line, or the whole non-streamed body. */
const chunkSchema = z.object({
  model: z.string().nullish(),
  message: z.object({ content: z.string().nullish() }).nullish(),
  response: z.string().nullish(),
  done: z.boolean().nullish(),
  done_reason: z.string().nullish(),
  prompt_eval_count: z.number().nullish(),
  eval_count: z.number().nullish(),
  error: z.string().nullish(),
});

/** One object of an Ollama reply, as far as redgreen reads it. */
export type OllamaChunk = z.infer<typeof chunkSchema>;

/** Reads one Ollama reply object; an `error` object (sent mid-stream) is a retryable `ProviderError`. */
export function parseOllamaChunk(json: unknown): OllamaChunk {
  const parsed = chunkSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError('Ollama answered with an unexpected JSON shape', { retryable: true }, { cause: parsed.error });
  if (parsed.data.error) throw new ProviderError(`Ollama failed: ${parsed.data.error}`, { retryable: true });
  return parsed.data;
}

/** The reply text piece of a chunk (`message.content` for chat, `response` for generate). */
export function chunkText(chunk: OllamaChunk): string {
  return chunk.message?.content ?? chunk.response ?? '';
}

/**
 * The completion from the final (`done: true`) object and the text gathered so far. When Ollama evaluated far
 * fewer prompt tokens than the prompt holds, it probably cut the prompt to fit its context: a warning says so.
 */
export function finishOllamaReply(final: OllamaChunk, text: string, estimatedPromptTokens: number): Completion {
  const promptTokens = final.prompt_eval_count ?? undefined;
  const truncated = promptTokens !== undefined && promptTokens < estimatedPromptTokens * 0.5;
  const warning = `Ollama evaluated only ${promptTokens} prompt tokens of about ${estimatedPromptTokens}: it probably truncated the prompt to its context size (raise contextSize or the model's num_ctx), unless it reused a cached prompt prefix`;
  return {
    text,
    usage: { promptTokens: promptTokens ?? 0, completionTokens: final.eval_count ?? 0 },
    ...(final.model ? { model: final.model } : {}),
    ...(final.done_reason ? { finishReason: final.done_reason } : {}),
    ...(truncated ? { warnings: [warning] } : {}),
  };
}

/** The model names in a `GET /api/tags` body, or undefined when it is not one. */
export function parseOllamaTags(json: unknown): string[] | undefined {
  const parsed = z.object({ models: z.array(z.object({ name: z.string() })) }).safeParse(json);
  return parsed.success ? parsed.data.models.map((model) => model.name) : undefined;
}
