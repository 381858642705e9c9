import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server misbehaves on every request. */
export type Misbehavior =
  /** Reads the request and never answers: no status line, no headers. */
  | { readonly kind: 'silent' }
  /** Sends a 200, its headers and `first` (when given), then nothing more: a reply that stalls. */
  | { readonly kind: 'stalls'; readonly contentType?: string; readonly first?: string }
  /** Sends `first` (when given), then `chunk` over and over until the client goes away: a reply that never ends. */
  | { readonly kind: 'endless'; readonly contentType?: string; readonly first?: string; readonly chunk: string }
  /** Declares a `Content-Length` of `bytes`, then sends `chunk` over and over until the client goes away. */
  | { readonly kind: 'huge'; readonly bytes: number; readonly chunk: string };

/** A running misbehaving server. */
export interface MisbehavingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Requests received so far. */
  readonly requests: () => number;
  /** Connections the client has closed (or reset) so far. */
  readonly closedConnections: () => number;
  /** Body bytes written so far, over every request. */
  readonly sentBytes: () => number;
  /** Resolves once the client has closed as many connections as there were requests. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers badly: never, or with a body that does not end. Writes respect
 * backpressure, so the server's memory stays small whatever the client does with the reply.
 */
export async function createMisbehavingServer(behavior: Misbehavior): Promise<MisbehavingServer> {
  let requests = 0;
  let closed = 0;
  let sent = 0;
  const waiters: (() => void)[] = [];
  const server = createServer((request, response) => {
    requests++;
    request.socket.once('close', () => {
      closed++;
      if (closed >= requests) for (const wake of waiters.splice(0)) wake();
    });
    request.resume();
    request.once('end', () => void answer(response, behavior, (bytes) => (sent += bytes)).catch(() => undefined));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => requests,
    closedConnections: () => closed,
    sentBytes: () => sent,
    allClosed: () => (requests > 0 && closed >= requests ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function answer(response: ServerResponse, behavior: Misbehavior, count: (bytes: number) => void): Promise<void> {
  if (behavior.kind === 'silent') return;
  if (behavior.kind === 'stalls') {
    response.writeHead(200, { 'content-type': behavior.contentType ?? 'application/json' });
    if (behavior.first === undefined) response.flushHeaders();
    else response.write(behavior.first);
    return;
  }
  if (behavior.chunk === '') throw new Error('an endless reply needs a non-empty chunk');
  const headers =
    behavior.kind === 'huge'
      ? { 'content-type': 'application/json', 'content-length': String(behavior.bytes) }
      : { 'content-type': behavior.contentType ?? 'application/json' };
  response.writeHead(200, headers);
  let gone = false;
  response.once('close', () => (gone = true));
  // A write racing the client's disconnect fails; that is the point of the test, not an error of the server.
  response.on('error', () => undefined);
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.on('drain', done);
      response.on('close', done);
    });
  const write = async (text: string) => {
    count(Buffer.byteLength(text));
    if (!response.write(text) && !gone) await drained();
  };
  if (behavior.kind === 'endless' && behavior.first !== undefined) await write(behavior.first);
  while (!gone) await write(behavior.chunk);
}
