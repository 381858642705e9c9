import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { chatCompletion, createFakeOpenAiServer } from '../helpers/fake-openai-server.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await project?.cleanup();
  await server?.close();
  project = undefined;
  server = undefined;
});

const fix = searchReplace('src/discount.ts', '  if (total > bulkThreshold) {', '  if (total >= bulkThreshold) {', 'Exactly $100 must get the discount.');
/** A line of src/money.ts's body: the module the failing tests reach only through the code under test. */
const moneyBody = 'const whole = Math.floor(abs / 100);';

function prompts(received: FakeOpenAiServer): string[] {
  return received.requests
    .filter((request) => request.method === 'POST')
    .map((request) => (request.body as { messages: { content: string }[] }).messages.map((m) => m.content).join('\n'));
}

async function fixLibrary(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  project = await copyFixture('vitest-library');
  return runCli(['fix', project.dir, '--model', 'openai:fake-model', '--yes', '--json'], {
    env: { OPENAI_BASE_URL: server?.baseUrl ?? '', OPENAI_API_KEY: '' },
  });
}

describe('redgreen fix --model: modules the code uses are shown by their declarations', () => {
  it('sends the code under test whole and the module it uses as declarations, and goes green', async () => {
    server = await createFakeOpenAiServer({ models: ['fake-model'] });
    server.enqueue({ body: chatCompletion(fix) });
    const run = await fixLibrary();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'green' });
    expect(await readFile(join(project?.dir ?? '', 'src/discount.ts'), 'utf8')).toContain('if (total >= bulkThreshold) {');

    const [prompt] = prompts(server);
    expect(prompts(server)).toHaveLength(1);
    expect(prompt).toContain('  if (total > bulkThreshold) {');
    expect(prompt).toContain('src/money.ts (declarations only; do not edit)');
    expect(prompt).toContain('/** Formats cents as "$12.34" (or "-$0.50"). */\nexport declare function formatCents(cents: Cents, symbol?: string): string;');
    expect(prompt).not.toContain(moneyBody);
  });

  it('refuses a reply that edits a module shown as declarations, then shows it whole', async () => {
    server = await createFakeOpenAiServer({ models: ['fake-model'] });
    server.enqueue(
      {
        body: chatCompletion(
          searchReplace('src/money.ts', 'export declare function percentOf(cents: Cents, percent: number): Cents;', 'export function percentOf() {}'),
        ),
      },
      { body: chatCompletion(fix) },
    );
    const run = await fixLibrary();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'green' });
    expect(await readFile(join(project?.dir ?? '', 'src/money.ts'), 'utf8')).not.toContain('export function percentOf() {}');

    const [, retry] = prompts(server);
    expect(retry).toContain('refused: src/money.ts was shown as declarations only, not its text, so an edit to it cannot be applied');
    expect(retry).toContain(moneyBody);
  });
});
