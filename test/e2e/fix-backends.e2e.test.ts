import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import type { FakeHttpServer, FakeResponse } from '../helpers/fake-http-server.js';
import { createFakeLlamaCppServer } from '../helpers/fake-llamacpp-server.js';
import { createFakeOllamaServer } from '../helpers/fake-ollama-server.js';
import { chatCompletionChunks, createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { recordedJson } from '../helpers/recorded-replies.js';
import { searchReplace } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';

const fixReply = searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {', 'The comparison in `clamp` is inverted.');

/** A recorded body with its reply text swapped for `text`. */
function withText(name: string, set: (body: Record<string, unknown>, text: string) => void): FakeResponse {
  const body = structuredClone(recordedJson(name)) as Record<string, unknown>;
  set(body, fixReply);
  return { body };
}

interface Backend {
  readonly name: string;
  readonly model: string;
  readonly extraArgs?: readonly string[];
  start(): Promise<{ server: FakeHttpServer; env: Record<string, string> }>;
  readonly reply: () => FakeResponse;
  readonly path: string;
}

const backends: readonly Backend[] = [
  {
    name: 'openai (streaming)',
    model: 'openai:fake-model',
    extraArgs: ['--stream'],
    start: async () => {
      const server = await createFakeOpenAiServer();
      return { server, env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: '' } };
    },
    reply: () => ({ chunks: chatCompletionChunks([fixReply.slice(0, 40), fixReply.slice(40)]), headers: { 'content-type': 'text/event-stream' } }),
    path: '/v1/chat/completions',
  },
  {
    name: 'ollama',
    model: 'ollama:qwen2.5-coder:7b',
    start: async () => {
      const server = await createFakeOllamaServer();
      return { server, env: { OLLAMA_HOST: server.origin } };
    },
    reply: () => withText('ollama/chat.json', (body, text) => ((body.message as { content: string }).content = text)),
    path: '/api/chat',
  },
  {
    name: 'llamacpp',
    model: 'llamacpp',
    start: async () => {
      const server = await createFakeLlamaCppServer();
      return { server, env: { LLAMACPP_HOST: server.origin } };
    },
    reply: () => withText('llamacpp/chat-completion.json', (body, text) => ((body.choices as { message: { content: string } }[])[0]!.message.content = text)),
    path: '/v1/chat/completions',
  },
  {
    name: 'anthropic',
    model: 'anthropic:claude-sonnet-4-5',
    start: async () => {
      const server = await createFakeAnthropicServer();
      return { server, env: { ANTHROPIC_BASE_URL: server.origin, ANTHROPIC_API_KEY: 'test-key' } };
    },
    reply: () => withText('anthropic/message.json', (body, text) => ((body.content as { text: string }[])[0]!.text = text)),
    path: '/v1/messages',
  },
];

let project: FixtureProject | undefined;
let server: FakeHttpServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  await server?.close();
  project = undefined;
  server = undefined;
});

describe.each(backends)('redgreen fix through $name on 127.0.0.1', (backend) => {
  it('goes green', async () => {
    project = await copyFixture('vitest-basic');
    const started = await backend.start();
    server = started.server;
    server.enqueue(backend.reply());
    const run = await runCli(['fix', project.dir, '--model', backend.model, ...(backend.extraArgs ?? []), '--yes', '--json'], { env: started.env });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; usage: { promptTokens: number; completionTokens: number } };
    expect(result.status).toBe('green');
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual([backend.path]);
    expect(JSON.stringify(posts[0]?.body)).toContain('clamp > lowers values above the range');
    if (backend.name === 'ollama') {
      // The recorded body reports 26 prompt tokens for a prompt of hundreds: the truncation Ollama does silently.
      expect(run.stderr).toMatch(/warning: .*prompt/i);
    }
  });
});
