import { createFakeHttpServer, type FakeHttpServer } from './fake-http-server.js';
import { recordedJson } from './recorded-replies.js';

/**
 * A real HTTP server on 127.0.0.1 speaking Ollama's native API: POST /api/chat and /api/generate take queued
 * answers (NDJSON streams as chunks), GET /api/tags lists the recorded models.
 */
export async function createFakeOllamaServer(): Promise<FakeHttpServer> {
  return createFakeHttpServer({ 'GET /api/tags': () => ({ body: recordedJson('ollama/tags.json') }) }, 'application/x-ndjson');
}
