import { describe, expect, it } from 'vitest';
import { readLines, readServerSentEvents } from './stream-lines.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* from(...chunks: string[]): AsyncIterable<string> {
  yield* chunks;
}

describe('readLines', () => {
  it('joins lines split across chunks and strips CRLF', async () => {
    expect(await collect(readLines(from('{"a":', '1}\r\n{"b"', ':2}\n', 'tail')))).toEqual(['{"a":1}', '{"b":2}', 'tail']);
  });

  it('finds newlines only in new text, however long the line so far, and several in one chunk', async () => {
    expect(await collect(readLines(from('a', 'b', 'c\nd\n\ne', 'f\r', '\n')))).toEqual(['abc', 'd', '', 'ef']);
  });
});

describe('readServerSentEvents', () => {
  it('reads event names, multi-line data and comments, and drops an event cut off at the end', async () => {
    const events = await collect(readServerSentEvents(from(': keep-alive\n\nevent: ping\ndata: {"type"', ':"ping"}\n\ndata: a\ndata: b\r\n\r\ndata: cut')));
    expect(events).toEqual([{ event: 'ping', data: '{"type":"ping"}' }, { data: 'a\nb' }]);
  });
});
