import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion } from './model-provider.js';
import { chatUsageSchema, toTokenUsage } from './openai-chat-protocol.js';
import { parseStreamedJson, readServerSentEvents, truncatedStream } from './stream-lines.js';

const chunkSchema = z.object({
  model: z.string().nullish(),
  // Some servers send `choices: null` in the usage chunk, others `[]`.
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: chatUsageSchema,
  error: z.union([z.string(), z.object({ message: z.string() })]).nullish(),
});

/**
 * Reads a streamed chat completion (`data: {chunk}` events, `data: [DONE]` last): text from
 * `choices[0].delta.content`, usage from the final chunk. A stream that ends without `[DONE]`, a chunk that is
 * not JSON and an `error` chunk are retryable `ProviderError`s.
 */
export async function readChatCompletionStream(chunks: AsyncIterable<string>, onToken?: (text: string) => void): Promise<Completion> {
  let text = '';
  let model: string | undefined;
  let finishReason: string | undefined;
  let usage: Completion['usage'];
  for await (const event of readServerSentEvents(chunks)) {
    if (event.data.trim() === '[DONE]') {
      return { text, ...(usage ? { usage } : {}), ...(model ? { model } : {}), ...(finishReason ? { finishReason } : {}) };
    }
    const parsed = chunkSchema.safeParse(parseStreamedJson(event.data));
    if (!parsed.success) throw new ProviderError('the server streamed a chunk of an unexpected shape', { retryable: true }, { cause: parsed.error });
    const chunk = parsed.data;
    if (chunk.error) {
      const message = typeof chunk.error === 'string' ? chunk.error : chunk.error.message;
      throw new ProviderError(`the server failed mid-stream: ${message}`, { retryable: true });
    }
    const choice = chunk.choices?.[0];
    const delta = choice?.delta?.content;
    if (delta) {
      text += delta;
      onToken?.(delta);
    }
    finishReason = choice?.finish_reason ?? finishReason;
    model = chunk.model ?? model;
    usage = toTokenUsage(chunk.usage) ?? usage;
  }
  throw truncatedStream('data: [DONE]');
}
