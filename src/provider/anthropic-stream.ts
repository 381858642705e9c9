import { z } from 'zod';
import { ProviderError } from '../core/errors.js';
import type { Completion } from './model-provider.js';
import { anthropicUsageSchema, mergeAnthropicUsage, toAnthropicTokenUsage } from './anthropic-protocol.js';
import { parseStreamedJson, readServerSentEvents, truncatedStream } from './stream-lines.js';

const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ model: z.string().nullish(), usage: anthropicUsageSchema.nullish() }) }),
  z.object({ type: z.literal('content_block_delta'), delta: z.object({ type: z.string(), text: z.string().nullish() }) }),
  z.object({ type: z.literal('message_delta'), delta: z.object({ stop_reason: z.string().nullish() }), usage: anthropicUsageSchema.nullish() }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('error'), error: z.object({ type: z.string(), message: z.string() }) }),
  z.object({ type: z.enum(['ping', 'content_block_start', 'content_block_stop']) }),
]);

/** Error types in an `error` event that a later request may get past. */
const retryableErrorTypes: ReadonlySet<string> = new Set(['overloaded_error', 'api_error', 'rate_limit_error', 'timeout_error']);

/**
 * Reads a streamed Messages reply: text from `content_block_delta`/`text_delta`, usage from `message_start`
 * and `message_delta`, done at `message_stop`. An `error` event, a stream without `message_stop` and an
 * unreadable event are `ProviderError`s (retryable but for request errors). Unknown event types are skipped,
 * as Anthropic asks of clients.
 */
export async function readAnthropicStream(chunks: AsyncIterable<string>, onToken?: (text: string) => void): Promise<Completion> {
  let text = '';
  let model: string | undefined;
  let stopReason: string | undefined;
  let usage: z.infer<typeof anthropicUsageSchema> = {};
  for await (const sse of readServerSentEvents(chunks)) {
    const json = parseStreamedJson(sse.data);
    const parsed = eventSchema.safeParse(json);
    if (!parsed.success) {
      if (isUnknownEventType(json)) continue;
      throw new ProviderError(`Anthropic streamed an unexpected '${sse.event ?? 'message'}' event`, { retryable: true }, { cause: parsed.error });
    }
    const event = parsed.data;
    if (event.type === 'error') {
      throw new ProviderError(`Anthropic failed mid-stream: ${event.error.type}: ${event.error.message}`, {
        retryable: retryableErrorTypes.has(event.error.type),
      });
    }
    if (event.type === 'message_start') {
      model = event.message.model ?? model;
      usage = mergeAnthropicUsage(usage, event.message.usage ?? {});
    } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text) {
      text += event.delta.text;
      onToken?.(event.delta.text);
    } else if (event.type === 'message_delta') {
      stopReason = event.delta.stop_reason ?? stopReason;
      usage = mergeAnthropicUsage(usage, event.usage ?? {});
    } else if (event.type === 'message_stop') {
      return { text, usage: toAnthropicTokenUsage(usage), ...(model ? { model } : {}), ...(stopReason ? { finishReason: stopReason } : {}) };
    }
  }
  throw truncatedStream('message_stop');
}

const knownTypes: ReadonlySet<string> = new Set([
  'message_start',
  'content_block_delta',
  'message_delta',
  'message_stop',
  'error',
  'ping',
  'content_block_start',
  'content_block_stop',
]);

function isUnknownEventType(json: unknown): boolean {
  const type = z.object({ type: z.string() }).safeParse(json);
  return type.success && !knownTypes.has(type.data.type);
}
