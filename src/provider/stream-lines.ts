import { ProviderError } from '../core/errors.js';

/** One server-sent event: its `event:` name (when given) and its `data:` lines joined by newlines. */
export interface ServerSentEvent {
  readonly event?: string;
  readonly data: string;
}

/** Splits text chunks into complete lines (without `\n` or `\r\n`); a last line without a newline is yielded too. */
export async function* readLines(chunks: AsyncIterable<string>): AsyncIterable<string> {
  let buffered = '';
  for await (const chunk of chunks) {
    // Only the new text can hold the next newline: a long line is not rescanned with every chunk.
    const found = chunk.indexOf('\n');
    let newline = found === -1 ? -1 : buffered.length + found;
    buffered += chunk;
    while (newline !== -1) {
      yield buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  if (buffered !== '') yield buffered.replace(/\r$/, '');
}

/**
 * Reads a `text/event-stream`: `event:` and `data:` fields, events ended by a blank line, `:` comments
 * skipped. An event cut off by the end of the stream is dropped, as the spec says.
 */
export async function* readServerSentEvents(chunks: AsyncIterable<string>): AsyncIterable<ServerSentEvent> {
  let event: string | undefined;
  let data: string[] = [];
  for await (const line of readLines(chunks)) {
    if (line === '') {
      if (data.length > 0) yield { ...(event === undefined ? {} : { event }), data: data.join('\n') };
      event = undefined;
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
}

/** Parses one streamed JSON document; a broken one is a retryable `ProviderError` quoting it. */
export function parseStreamedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProviderError(`the server streamed something that is not JSON: ${JSON.stringify(text.slice(0, 200))}`, { retryable: true }, { cause: error });
  }
}

/** The error for a stream that ended before its end marker: the reply may be incomplete, so try again. */
export function truncatedStream(expected: string): ProviderError {
  return new ProviderError(`truncated stream: the server closed it before ${expected}`, { retryable: true });
}
