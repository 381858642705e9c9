import { describe, expect, it } from 'vitest';
import { createByteCounter, defaultMaxReplyBytes, formatBytes, replyTooLarge } from './reply-limit.js';

describe('reply limits', () => {
  it('formats sizes in the largest whole unit', () => {
    expect(formatBytes(defaultMaxReplyBytes)).toBe('8 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
    expect(formatBytes(100)).toBe('100 bytes');
  });

  it('counts up to the limit, then cuts off once and throws the too-large error', () => {
    let cuts = 0;
    const count = createByteCounter('http://h/v1/chat/completions', 10, () => cuts++);
    count(6);
    count(4);
    expect(cuts).toBe(0);
    expect(() => count(1)).toThrow(replyTooLarge('http://h/v1/chat/completions', 10).message);
    expect(cuts).toBe(1);
  });

  it('says which limit was passed, where, and how to raise it', () => {
    const error = replyTooLarge('http://127.0.0.1:1/api/chat', 2 * 1024 * 1024);
    expect(error.message).toBe(
      "the model server's reply passed the 2 MB limit; the request to http://127.0.0.1:1/api/chat was cut off (a model that really writes this much needs a higher --max-reply-bytes)",
    );
    expect(error.details).toEqual({ retryable: false, failure: 'too-large' });
  });
});
