import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer to a POST /chat/completions. */
export interface FakeResponse {
  /** Default 200. */
  readonly status?: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent verbatim instead of `body`, e.g. a broken body. */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering, to test timeouts. */
  readonly delayMs?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, else the text ('' for none). */
  readonly body: unknown;
}

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  /** Queues answers for the next chat completion requests, in order. */
  enqueue(...responses: FakeResponse[]): void;
  close(): Promise<void>;
}

/** A chat completion body with `text` as the reply, as an OpenAI-compatible server sends it. */
export function chatCompletion(text: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
    ...extra,
  };
}

/**
 * A real HTTP server on 127.0.0.1 speaking the chat completions API from a queue of responses; GET /models
 * lists `models` (or answers `modelsStatus`). An empty queue answers 500 so a test fails loudly.
 */
export async function createFakeOpenAiServer(options: { readonly models?: readonly string[]; readonly modelsStatus?: number } = {}): Promise<FakeOpenAiServer> {
  const queue: FakeResponse[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: parseMaybeJson(text) });
      if (request.method === 'GET' && request.url?.endsWith('/models')) {
        const status = options.modelsStatus ?? 200;
        send(response, { status, body: { object: 'list', data: (options.models ?? []).map((id) => ({ id, object: 'model' })) } });
        return;
      }
      const next = queue.shift() ?? { status: 500, body: { error: { message: 'fake server: no response queued' } } };
      if (next.delayMs === undefined) send(response, next);
      else setTimeout(() => send(response, next), next.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(response: ServerResponse, answer: FakeResponse): void {
  // The client may have given up (timeout test); writing to a closed socket would only raise noise.
  if (response.destroyed || response.writableEnded) return;
  const body = answer.raw ?? JSON.stringify(answer.body ?? {});
  response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
  response.end(body);
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
