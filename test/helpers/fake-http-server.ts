import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. */
export interface FakeResponse {
  /** Default 200. */
  readonly status?: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent verbatim instead of `body`, e.g. a broken body. */
  readonly raw?: string;
  /** Sent one by one, each flushed, instead of `body`/`raw`: a stream. */
  readonly chunks?: readonly string[];
  /** Destroys the socket after sending this many of `chunks`: a dropped connection. */
  readonly resetAfterChunks?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering, to test timeouts. */
  readonly delayMs?: number;
}

/** A request the fake server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, else the text ('' for none). */
  readonly body: unknown;
}

/** A fixed answer for `METHOD /path` (query strings ignored), e.g. the model list. */
export type FakeRoutes = Readonly<Record<string, () => FakeResponse>>;

/** A running fake server. */
export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: readonly RecordedRequest[];
  /** Queues answers for the next requests that no route answers, in order. */
  enqueue(...responses: FakeResponse[]): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1: `routes` answer fixed requests, every other request takes the next queued
 * answer (an empty queue answers 500, so a test fails loudly). Streams are sent chunk by chunk.
 */
export async function createFakeHttpServer(routes: FakeRoutes = {}, contentType = 'application/json'): Promise<FakeHttpServer> {
  const queue: FakeResponse[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const received: Buffer[] = [];
    request.on('data', (chunk: Buffer) => received.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(received).toString('utf8');
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: parseMaybeJson(text) });
      const route = routes[`${request.method ?? ''} ${(request.url ?? '').split('?')[0] ?? ''}`];
      const next = route?.() ?? queue.shift() ?? { status: 500, body: { error: { message: 'fake server: no response queued' } } };
      if (next.delayMs === undefined) void send(response, next, contentType);
      else setTimeout(() => void send(response, next, contentType), next.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function send(response: ServerResponse, answer: FakeResponse, contentType: string): Promise<void> {
  // The client may have given up (timeout test); writing to a closed socket would only raise noise.
  if (response.destroyed || response.writableEnded) return;
  if (answer.chunks === undefined) {
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    response.end(answer.raw ?? JSON.stringify(answer.body ?? {}));
    return;
  }
  response.writeHead(answer.status ?? 200, { 'content-type': contentType, 'cache-control': 'no-cache', ...answer.headers });
  response.flushHeaders();
  for (const [index, chunk] of answer.chunks.entries()) {
    if (index === answer.resetAfterChunks) {
      response.socket?.destroy();
      return;
    }
    response.write(chunk);
    // Separate packets, as a real server's tokens arrive.
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (response.destroyed) return;
  }
  response.end();
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
