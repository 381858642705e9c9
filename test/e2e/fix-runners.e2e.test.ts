import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { recordedReplies } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

const cases = [
  { fixture: 'vitest-basic', runner: 'vitest', file: 'src/math.ts', fixed: 'if (value > max) {' },
  { fixture: 'jest-basic', runner: 'jest', file: 'src/strings.js', fixed: "text.slice(0, max - 1) + '…'" },
  { fixture: 'node-test-basic', runner: 'node-test', file: 'src/stack.js', fixed: 'this.#items[this.#items.length - 1]' },
] as const;

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe.each(cases)('redgreen fix on $fixture', ({ fixture, runner, file, fixed }) => {
  const model = `scripted:${recordedReplies(`${fixture}-fix`)}`;

  it('goes green and, with --yes, writes the fix and keeps a backup', async () => {
    project = await copyFixture(fixture);
    const original = await readFile(join(project.dir, file), 'utf8');
    const run = await runCli(['fix', project.dir, '--model', model, '--yes', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      status: string;
      runId: string;
      baseline: { failed: number };
      final: { failed: number };
      delivery: { kind: string };
    };
    expect(result).toMatchObject({ status: 'green', final: { failed: 0 }, delivery: { kind: 'applied' } });
    expect(result.baseline.failed).toBeGreaterThan(0);
    expect(run.stderr).toContain(`runner ${runner}`);
    expect(await readFile(join(project.dir, file), 'utf8')).toContain(fixed);
    const backup = join(project.dir, '.redgreen', 'backups', result.runId);
    const backedUp = await findFile(backup, file.split('/').at(-1) ?? file);
    expect(backedUp).toBeDefined();
    expect(await readFile(backedUp ?? '', 'utf8')).toBe(original);
  });

  it('with --dry-run leaves every file byte-identical and prints the diff', async () => {
    project = await copyFixture(fixture);
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--model', model, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`+++ b/${file}`);
    expect(run.stderr).toContain('GREEN');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });
});

describe('approval', () => {
  it('without a terminal and without --yes saves the patch and leaves the files untouched', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--model', `scripted:${recordedReplies('vitest-basic-fix')}`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/no terminal to ask for approval and no --yes: patch saved to .*\.redgreen\/runs\/.*\.patch/);
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
    const runs = await readdir(join(project.dir, '.redgreen', 'runs'));
    expect(runs).toHaveLength(1);
    const patch = await readFile(join(project.dir, '.redgreen', 'runs', runs[0] ?? ''), 'utf8');
    expect(patch).toContain('+  if (value > max) {');
  });
});

async function findFile(dir: string, name: string): Promise<string | undefined> {
  if (!existsSync(dir)) return undefined;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return join(entry.parentPath, entry.name);
  }
  return undefined;
}
