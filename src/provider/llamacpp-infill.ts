import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion, InfillRequest } from './model-provider.js';
import { resolveSampling, type ModelSettings } from './model-settings.js';
import { parseStreamedJson, readServerSentEvents, truncatedStream } from './stream-lines.js';

/** The body of llama.cpp's `POST /infill`. */
export function buildInfillBody(request: InfillRequest, settings: ModelSettings = {}) {
  const sampling = resolveSampling(request, settings);
  return {
    input_prefix: request.prefix,
    input_suffix: request.suffix,
    ...(request.extra === undefined ? {} : { input_extra: request.extra.map(({ filename, text }) => ({ filename, text })) }),
    ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    ...(sampling.maxTokens === undefined ? {} : { n_predict: sampling.maxTokens }),
    ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
    stream: sampling.stream,
    // Keeps the evaluated prefix for the next request of a run, which mostly shares it.
    cache_prompt: true,
  };
}

const infillSchema = z.object({
  content: z.string(),
  stop: z.boolean().nullish(),
  stop_type: z.string().nullish(),
  model: z.string().nullish(),
  tokens_predicted: z.number().nullish(),
  tokens_evaluated: z.number().nullish(),
  tokens_cached: z.number().nullish(),
});

function parseInfillChunk(json: unknown): z.infer<typeof infillSchema> {
  const parsed = infillSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError('llama.cpp answered /infill with an unexpected JSON shape', { retryable: true }, { cause: parsed.error });
  return parsed.data;
}

function toCompletion(reply: z.infer<typeof infillSchema>, text: string): Completion {
  const cached = reply.tokens_cached ?? undefined;
  return {
    text,
    usage: {
      promptTokens: reply.tokens_evaluated ?? 0,
      completionTokens: reply.tokens_predicted ?? 0,
      ...(cached === undefined ? {} : { cachedTokens: cached }),
    },
    ...(reply.model ? { model: reply.model } : {}),
    ...(reply.stop_type ? { finishReason: reply.stop_type } : {}),
  };
}

/** Reads a non-streamed `/infill` reply. */
export function parseInfillReply(json: unknown): Completion {
  const reply = parseInfillChunk(json);
  return toCompletion(reply, reply.content);
}

/** Reads a streamed `/infill` reply (`data: {content, stop}` events) up to the one with `stop: true`. */
export async function readInfillStream(chunks: AsyncIterable<string>, onToken?: (text: string) => void): Promise<Completion> {
  let text = '';
  for await (const event of readServerSentEvents(chunks)) {
    if (event.data.trim() === '[DONE]') break;
    const chunk = parseInfillChunk(parseStreamedJson(event.data));
    if (chunk.content !== '') {
      text += chunk.content;
      onToken?.(chunk.content);
    }
    if (chunk.stop === true) return toCompletion(chunk, text);
  }
  throw truncatedStream('its "stop": true event');
}
