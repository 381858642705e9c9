import { createFakeHttpServer, type FakeHttpServer } from './fake-http-server.js';
import { recordedJson } from './recorded-replies.js';

/**
 * A real HTTP server on 127.0.0.1 speaking Anthropic's Messages API: POST /v1/messages takes queued answers
 * (SSE events as chunks), GET /v1/models lists the recorded models.
 */
export async function createFakeAnthropicServer(): Promise<FakeHttpServer> {
  return createFakeHttpServer({ 'GET /v1/models': () => ({ body: recordedJson('anthropic/models.json') }) }, 'text/event-stream');
}
