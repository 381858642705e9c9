import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeHttpServer, FakeResponse } from '../helpers/fake-http-server.js';
import { createFakeLlamaCppServer } from '../helpers/fake-llamacpp-server.js';
import { createFakeOllamaServer } from '../helpers/fake-ollama-server.js';
import { createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

// vitest-basic's clamp: the failing tests call clamp, whose first statement is fine and whose second is wrong.
const firstStatement = '  if (value < min) {\n    return min;\n  }\n';
const fixedBody = '  if (value < min) {\n    return min;\n  }\n  if (value > max) {\n    return max;\n  }\n  return value;\n';

interface InfillBackend {
  readonly name: string;
  readonly model: string;
  readonly path: string;
  start(): Promise<{ server: FakeHttpServer; env: Record<string, string> }>;
  reply(text: string): FakeResponse;
  /** The code before the gap, as the request carried it. */
  prefixOf(body: Record<string, unknown>): string;
}

const backends: readonly InfillBackend[] = [
  {
    name: 'llama.cpp /infill',
    model: 'llamacpp',
    path: '/infill',
    start: async () => {
      const server = await createFakeLlamaCppServer();
      return { server, env: { LLAMACPP_HOST: server.origin } };
    },
    reply: (text) => ({ body: { index: 0, content: text, stop: true, tokens_predicted: 20, tokens_evaluated: 120 } }),
    prefixOf: (body) => body.input_prefix as string,
  },
  {
    name: 'Ollama /api/generate with suffix',
    model: 'ollama:qwen2.5-coder:7b',
    path: '/api/generate',
    start: async () => {
      const server = await createFakeOllamaServer();
      return { server, env: { OLLAMA_HOST: server.origin } };
    },
    reply: (text) => ({ body: { model: 'qwen2.5-coder:7b', response: text, done: true, prompt_eval_count: 400, eval_count: 20 } }),
    prefixOf: (body) => body.prompt as string,
  },
  {
    name: 'Mercury /fim/completions',
    model: 'openai:mercury-coder',
    path: '/v1/fim/completions',
    start: async () => {
      const server = await createFakeOpenAiServer();
      return { server, env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'k' } };
    },
    reply: (text) => ({
      body: { model: 'mercury-coder', choices: [{ index: 0, text, finish_reason: 'stop' }], usage: { prompt_tokens: 120, completion_tokens: 20 } },
    }),
    prefixOf: (body) => body.prompt as string,
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

describe.each(backends)('redgreen fix --infill through $name', (backend) => {
  it('masks the suspected statement, then the whole function body, and goes green', async () => {
    project = await copyFixture('vitest-basic');
    const started = await backend.start();
    server = started.server;
    server.enqueue(backend.reply(firstStatement), backend.reply(fixedBody));
    const run = await runCli(['fix', project.dir, '--model', backend.model, '--infill', '--yes', '--json'], { env: started.env });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; steps: { retry: number; outcome: string; reasoning: string }[] };
    expect(result.status).toBe('green');
    expect(result.steps.map((s) => [s.retry, s.outcome])).toEqual([
      [0, 'refused'],
      [1, 'green'],
    ]);
    expect(result.steps[1]?.reasoning).toContain('the function body at src/math.ts lines 13-19');
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual([backend.path, backend.path]);
    expect(
      backend.prefixOf(posts[1]?.body as Record<string, unknown>).endsWith('export function clamp(value: number, min: number, max: number): number {\n'),
    ).toBe(true);
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
  });
});

describe('--infill with a back end that has no fill-in-the-middle API', () => {
  it('exits 2 naming the back ends that have one, touching nothing', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--model', 'openai:gpt-4o', '--infill'], {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'k' },
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/openai:gpt-4o has no fill-in-the-middle API; use ollama/);
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });
});
