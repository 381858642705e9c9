import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { chatCompletion, createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  await server?.close();
  project = undefined;
  server = undefined;
});

const queueFile = 'lib/bounded-queue.js';
const buggy = '    return this.items.length > this.capacity;';
const fixed = '    return this.items.length >= this.capacity;';
const queueFix = searchReplace(queueFile, buggy, fixed, 'A queue holding `capacity` items is already full.');

describe('redgreen fix on mocha projects', () => {
  it('repairs the ESM fixture with the built-in engine, detecting mocha and touching nothing with --dry-run', async () => {
    project = await copyFixture('mocha-esm');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--dry-run', '--json', '--budget-seconds', '60']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('runner mocha');
    const result = JSON.parse(run.stdout) as { status: string; diff: string; baseline: { failed: number } };
    expect(result).toMatchObject({ status: 'green', baseline: { failed: 2 } });
    expect(result.diff).toContain('+  if (quantity >= bulkThreshold) {');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  }, 120_000);

  it('repairs the CommonJS fixture (.mocharc.json spec and root hooks) with a scripted reply', async () => {
    project = await copyFixture('mocha-cjs');
    const run = await runCli(['fix', project.dir, '--model', `scripted:${await writeReplies([queueFix])}`, '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('runner mocha');
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'green', baseline: { failed: 2, passed: 5 }, final: { failed: 0 } });
    expect(await readFile(join(project.dir, queueFile), 'utf8')).toContain(fixed);
  });

  it('shows the model the failing mocha tests and the suspicious source', async () => {
    project = await copyFixture('mocha-cjs');
    server = await createFakeOpenAiServer({ models: ['fake-model'] });
    server.enqueue({ body: chatCompletion(queueFix) });
    const run = await runCli(['fix', project.dir, '--model', 'openai:fake-model', '--runner', 'mocha', '--yes', '--json'], {
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: '' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'green' });
    const body = server.requests[0]?.body as { messages: { content: string }[] };
    const prompt = body.messages.map((message) => message.content).join('\n');
    expect(prompt).toContain('BoundedQueue > rejects an item when full, keeping the size');
    expect(prompt).toContain('spec/bounded-queue.spec.js');
    expect(prompt).toContain(buggy);
  });
});
