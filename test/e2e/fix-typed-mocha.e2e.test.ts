import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('redgreen fix on a TypeScript project run by mocha', () => {
  it('repairs it with the built-in engine, candidates type-checked before mocha is spawned for them', async () => {
    project = await copyFixture('mocha-typed');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--dry-run', '--json', '--budget-seconds', '150', '--verbose']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('runner mocha');
    // The verbose log names each candidate the type check answered for without a mocha run.
    expect(run.stderr).toMatch(/candidate \d+ pruned by the type check/);
    // And the search's closing line counts them.
    expect(run.stderr).toMatch(/candidates validated, \d+ pruned by the type check/);
    const result = JSON.parse(run.stdout) as { status: string; diff: string; baseline: { failed: number } };
    expect(result).toMatchObject({ status: 'green', baseline: { failed: 2 } });
    expect(result.diff).toContain('+  if (line.quantity >= bulkQuantity) return discounted;');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  }, 240_000);
});
