import { ProviderError } from '../core/errors.js';

/**
 * The most bytes one reply may take, streamed or not, when the settings give no limit. A code model's reply
 * is rarely past 100 KB of text (a streamed one about 40 bytes of framing a token more); past this, the server
 * is misbehaving (an endless stream, a runaway generation) and holding the reply would only exhaust memory.
 */
export const defaultMaxReplyBytes = 8 * 1024 * 1024;

/** `bytes` in the largest whole unit that fits: `8 MB`, `512 KB`, `100 bytes`. */
export function formatBytes(bytes: number): string {
  const units = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ] as const;
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The error for a reply cut off at the limit: not retryable, as the same request would most likely run away again. */
export function replyTooLarge(url: string, maxBytes: number): ProviderError {
  return new ProviderError(
    `the model server's reply passed the ${formatBytes(maxBytes)} limit; the request to ${url} was cut off (a model that really writes this much needs a higher --max-reply-bytes)`,
    { retryable: false, failure: 'too-large' },
  );
}

/**
 * Counts the bytes of one reply as they arrive; past `maxBytes`, `cutOff` is called (to abort the request and
 * close its socket) and the too-large error thrown.
 */
export function createByteCounter(url: string, maxBytes: number, cutOff: () => void): (bytes: number) => void {
  let total = 0;
  return (bytes) => {
    total += bytes;
    if (total > maxBytes) {
      cutOff();
      throw replyTooLarge(url, maxBytes);
    }
  };
}
