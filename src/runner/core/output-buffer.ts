export interface OutputBuffer {
  push(chunk: Buffer): void;
  /** The output so far; when over the limit, its head and its tail with a marker between. */
  text(): string;
}

/** Collects process output without growing past `limit` bytes: keeps the first half and a rolling tail. */
export function createOutputBuffer(limit = 1_000_000): OutputBuffer {
  const half = Math.floor(limit / 2);
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let dropped = 0;
  return {
    push(chunk) {
      if (head.length < half) {
        const room = half - head.length;
        head = Buffer.concat([head, chunk.subarray(0, room)]);
        chunk = chunk.subarray(room);
      }
      if (chunk.length === 0) return;
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > half) {
        dropped += tail.length - half;
        tail = tail.subarray(tail.length - half);
      }
    },
    text() {
      const marker = dropped > 0 ? `\n… ${dropped} bytes omitted …\n` : '';
      return head.toString('utf8') + marker + tail.toString('utf8');
    },
  };
}
