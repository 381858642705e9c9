/** Tokens as the back end reported them (scripted and estimated ones say so). */
export interface TokenUsage {
  /** Every prompt token, cached ones included. */
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** The part of `promptTokens` served from the server's prompt cache, when it says. */
  readonly cachedTokens?: number;
}
