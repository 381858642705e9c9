import { createFakeHttpServer, type FakeHttpServer } from './fake-http-server.js';
import { recordedJson } from './recorded-replies.js';

/**
 * A real HTTP server on 127.0.0.1 speaking llama.cpp's `llama-server` API: POST /v1/chat/completions and
 * /infill take queued answers, GET /v1/models lists the recorded loaded model.
 */
export async function createFakeLlamaCppServer(): Promise<FakeHttpServer> {
  return createFakeHttpServer({ 'GET /v1/models': () => ({ body: recordedJson('llamacpp/models.json') }) }, 'text/event-stream');
}
