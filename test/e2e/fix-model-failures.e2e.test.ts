import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHttpServer, type FakeHttpServer } from '../helpers/fake-http-server.js';
import { createMisbehavingServer, type MisbehavingServer } from '../helpers/fake-misbehaving-server.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli, snapshotFiles, type CliRun } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
let server: MisbehavingServer | FakeHttpServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  await server?.close();
  project = undefined;
  server = undefined;
});

/** Runs `redgreen fix --model openai:x` on a copy of the vitest fixture against `baseUrl`; the project must stay byte-identical. */
async function fixAgainst(baseUrl: string, ...flags: string[]): Promise<CliRun> {
  project = await copyFixture('vitest-basic');
  const before = await snapshotFiles(project.dir);
  const run = await runCli(['fix', project.dir, '--model', 'openai:x', '--yes', ...flags], { env: { OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: '' } });
  expect(await snapshotFiles(project.dir)).toEqual(before);
  return run;
}

/** Exit 4 with one clear error line: no stack, no "nothing more to propose". */
function expectModelFailure(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).toBe(4);
  const errors = run.stderr.split('\n').filter((line) => line.startsWith('error '));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('nothing more to propose');
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('redgreen fix when the model back end fails', () => {
  it('exits 4 naming a server that never answers, within the model timeout and one retry', async () => {
    const silent = await createMisbehavingServer({ kind: 'silent' });
    server = silent;
    const run = await fixAgainst(`${silent.origin}/v1`, '--model-timeout', '1');
    expectModelFailure(run, new RegExp(`^error the model server at ${silent.origin}/v1 did not answer within 1 s \\(2 attempts\\)$`));
    expect(run.stderr).toContain(`model request failed (the model server at ${silent.origin}/v1 did not answer within 1 s); retry 1 in `);
    expect(silent.requests()).toBe(2);
    await silent.allClosed();
  });

  it('exits 4 when a reply passes --max-reply-bytes, closing the connection', async () => {
    const huge = await createMisbehavingServer({ kind: 'endless', first: '{"choices":[{"message":{"content":"', chunk: 'x'.repeat(4096) });
    server = huge;
    const run = await fixAgainst(`${huge.origin}/v1`, '--max-reply-bytes', '65536');
    expectModelFailure(
      run,
      /^error the model server's reply passed the 64 KB limit; the request to http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions was cut off/,
    );
    expect(huge.requests()).toBe(1);
    await huge.allClosed();
  });

  it('exits 4 when a streamed reply never ends, at the default 8 MB', async () => {
    const chunk = `data: ${JSON.stringify({ choices: [{ delta: { content: 'y'.repeat(4000) } }] })}\n\n`;
    const endless = await createMisbehavingServer({ kind: 'endless', contentType: 'text/event-stream', chunk });
    server = endless;
    const run = await fixAgainst(`${endless.origin}/v1`, '--stream');
    expectModelFailure(run, /^error the model server's reply passed the 8 MB limit/);
    await endless.allClosed();
  });

  it('exits 4 when the server cannot be reached, after its retries', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const run = await fixAgainst(url);
    expectModelFailure(run, new RegExp(`^error cannot reach ${url}/chat/completions \\(4 attempts\\)`));
  });

  it('exits 4 when the server stays rate limited past the retries', async () => {
    const limited = await createFakeHttpServer();
    server = limited;
    const tooMany = { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'slow down' } } };
    limited.enqueue(tooMany, tooMany, tooMany, tooMany);
    const run = await fixAgainst(`${limited.origin}/v1`);
    expectModelFailure(run, /^error rate limited \(429\) \(server: slow down\) \(4 attempts\)$/);
    expect(limited.requests).toHaveLength(4);
  });
});
