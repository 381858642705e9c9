import type { TokenUsage } from '../core/usage.js';

export type { TokenUsage };
/** One message of a chat prompt. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Sampling settings a single request may set; unset ones fall back to the provider's `ModelSettings`. */
export interface SamplingOptions {
  readonly temperature?: number;
  /** The temperature to use when neither `temperature` nor the settings set one (a noise schedule's). */
  readonly defaultTemperature?: number;
  readonly maxTokens?: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  /** Each piece of reply text as it arrives; providers stream when it is given (or when `settings.stream`). */
  readonly onToken?: (text: string) => void;
}

/** A chat completion request. */
/** A model reply, with what the back end reported about it. */
export interface CompletionRequest extends SamplingOptions {
  readonly messages: readonly ChatMessage[];
  /**
   * Constrains the reply to JSON matching this schema where the back end can (gguf grammar, Ollama `format`,
   * OpenAI-compatible `response_format`); others ignore it.
   */
  readonly jsonSchema?: Readonly<Record<string, unknown>>;
}

/** Fill-in-the-middle: the model writes what goes between `prefix` and `suffix`. */
export interface InfillRequest extends SamplingOptions {
  readonly prefix: string;
  readonly suffix: string;
  /** Other files for context, where the back end takes them (llama.cpp's `input_extra`). */
  readonly extra?: readonly { readonly filename: string; readonly text: string }[];
}

/** A model reply, with what the back end reported about it. */
export interface Completion {
  /** The raw reply text. */
  readonly text: string;
  readonly usage?: TokenUsage;
  /** The model the server says answered. */
  readonly model?: string;
  readonly finishReason?: string;
  /** Things the user should know that did not stop the reply, e.g. "Ollama truncated the prompt". */
  readonly warnings?: readonly string[];
}

/** A code model behind some protocol. Failures the caller can act on are thrown as `ProviderError`. */
export interface ModelProvider {
  /** `<back end>:<model>`, e.g. `openai:gpt-4o-mini`. */
  readonly id: string;
  /** Where requests go (the server's base URL), for messages about it; absent for in-process models. */
  readonly endpoint?: string;
  /** One chat completion; streamed when the request has `onToken`. */
  generate(request: CompletionRequest): Promise<Completion>;
  /** Fill-in-the-middle, for back ends with a native infill API (Ollama `suffix`, llama.cpp `/infill`, gguf). */
  infill?(request: InfillRequest): Promise<Completion>;
  /** The model ids the back end offers, e.g. to suggest one after "unknown model". */
  listModels?(signal?: AbortSignal): Promise<string[]>;
  /** Loads what the first request would (an optional library, weights), so misconfiguration fails early. */
  init?(): Promise<void>;
  /** Releases sockets, child processes or loaded weights. */
  dispose?(): Promise<void>;
}
