import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion, InfillRequest } from './model-provider.js';
import { resolveSampling, type ModelSettings } from './model-settings.js';
import { chatUsageSchema, toTokenUsage } from './openai-chat-protocol.js';

/**
 * Whether a model behind an OpenAI-compatible server offers fill-in-the-middle at `/fim/completions`
 * (Mercury Coder does; plain chat models do not, so it is not assumed for them).
 */
export function hasFimEndpoint(model: string): boolean {
  return /mercury/i.test(model);
}

/** The body of `POST /fim/completions`: the code before the gap as `prompt`, the code after it as `suffix`. */
export function buildFimBody(model: string, request: InfillRequest, settings: ModelSettings = {}) {
  const sampling = resolveSampling(request, settings);
  return {
    model,
    prompt: request.prefix,
    suffix: request.suffix,
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.maxTokens === undefined ? {} : { max_tokens: sampling.maxTokens }),
    stream: false,
  };
}

const fimSchema = z.object({
  model: z.string().nullish(),
  choices: z.array(z.object({ text: z.string().nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: chatUsageSchema.nullish(),
});

/** A `/fim/completions` reply, shaped like a legacy completion (`choices[0].text`). */
export function parseFimCompletion(json: unknown): Completion {
  const parsed = fimSchema.safeParse(json);
  if (!parsed.success)
    throw new ProviderError('the server answered /fim/completions with an unexpected JSON shape', { retryable: true }, { cause: parsed.error });
  const choice = parsed.data.choices?.[0];
  if (choice?.text === undefined || choice.text === null) throw new ProviderError('the server sent an empty fill-in-the-middle reply', { retryable: true });
  const usage = parsed.data.usage ? toTokenUsage(parsed.data.usage) : undefined;
  return {
    text: choice.text,
    ...(usage ? { usage } : {}),
    ...(parsed.data.model ? { model: parsed.data.model } : {}),
    ...(choice.finish_reason ? { finishReason: choice.finish_reason } : {}),
  };
}
