import type { ChatMessage } from './model-provider.js';

/** Settings every provider factory accepts; a request's own values win over them. */
export interface ModelSettings {
  readonly temperature?: number;
  /** Reply tokens at most. Anthropic requires one: default there 4096. */
  readonly maxTokens?: number;
  /** The context window to ask for (Ollama `num_ctx`, gguf context size); others ignore it. */
  readonly contextSize?: number;
  /** Per request, applied by `withTimeout` where the registry composes the provider; default 120 s. */
  readonly timeoutMs?: number;
  /**
   * The most bytes one reply may take from a model server, streamed or not (the text of a streamed reply is
   * never larger); past it the request is cut off with a `ProviderError`. Default 8 MB.
   */
  readonly maxReplyBytes?: number;
  readonly seed?: number;
  /** Stream replies even without an `onToken` callback (detects truncated replies early). */
  readonly stream?: boolean;
  /** Told about things that did not stop a reply (also returned in `Completion.warnings`). */
  readonly onWarning?: (message: string) => void;
}

/** The per-request timeout when the settings give none. */
export const defaultTimeoutMs = 120_000;

/** The sampling values to send: the request's, else the settings'. */
export interface ResolvedSampling {
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly seed?: number;
  readonly stream: boolean;
}

/**
 * Merges a request's sampling options over `settings`; streaming is on for `onToken` or `settings.stream`. A
 * temperature the user set wins over the request's `defaultTemperature`.
 */
export function resolveSampling(
  request: {
    readonly temperature?: number;
    readonly defaultTemperature?: number;
    readonly maxTokens?: number;
    readonly seed?: number;
    readonly onToken?: unknown;
  },
  settings: ModelSettings = {},
): ResolvedSampling {
  const temperature = request.temperature ?? settings.temperature ?? request.defaultTemperature;
  const maxTokens = request.maxTokens ?? settings.maxTokens;
  const seed = request.seed ?? settings.seed;
  return {
    ...(temperature === undefined ? {} : { temperature }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(seed === undefined ? {} : { seed }),
    stream: request.onToken !== undefined || settings.stream === true,
  };
}

/** A rough token count for `text` (4 characters a token), for sizing contexts and spotting truncation. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** `estimateTokens` over every message, plus a few tokens of chat template per message. */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
}
