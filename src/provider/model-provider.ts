export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly cachedTokens?: number;
}

export interface CompletionRequest {
  readonly messages: readonly ChatMessage[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
}

export interface Completion {
  /** The raw reply text. */
  readonly text: string;
  readonly usage?: TokenUsage;
  /** The model the server says answered. */
  readonly model?: string;
  readonly finishReason?: string;
}

/** A code model behind some protocol. Failures the caller can act on are thrown as `ProviderError`. */
export interface ModelProvider {
  /** `<back end>:<model>`, e.g. `openai:gpt-4o-mini`. */
  readonly id: string;
  /** One chat completion. */
  generate(request: CompletionRequest): Promise<Completion>;
  /** Releases sockets, child processes or loaded weights. */
  dispose?(): Promise<void>;
}
