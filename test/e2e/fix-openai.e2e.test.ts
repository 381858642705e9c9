import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { chatCompletion, createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  await server?.close();
  project = undefined;
  server = undefined;
});

describe('redgreen fix --model openai:<model> against a chat-completions server on 127.0.0.1', () => {
  it('sends the failures and code, applies the reply and goes green', async () => {
    project = await copyFixture('vitest-basic');
    server = await createFakeOpenAiServer({ models: ['fake-model'] });
    server.enqueue({ body: chatCompletion(searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {', 'The comparison is inverted.')) });
    const run = await runCli(['fix', project.dir, '--model', 'openai:fake-model', '--yes', '--json'], {
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: '' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'green', usage: { promptTokens: 12, completionTokens: 5 } });
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');

    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]?.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('fake-model');
    const prompt = body.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('clamp > lowers values above the range');
    expect(prompt).toContain('if (value < max) {');
    expect(prompt).toContain('<<<<<<< SEARCH');
  });

  it('exits 2 with a clear message when the server rejects the key, touching nothing', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    server = await createFakeOpenAiServer();
    server.enqueue({ status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } });
    const run = await runCli(['fix', project.dir, '--model', 'openai:fake-model', '--yes'], {
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'wrong' },
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/authentication failed \(401\)[\s\S]*Incorrect API key/);
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });
});
