import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';
import { copyWorkspaceFixture, npmWorkspaceLinks } from '../helpers/workspace-fixture.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

interface JsonResult {
  readonly status: string;
  readonly baseline: { readonly passed: number; readonly failed: number };
  readonly files: readonly string[];
  readonly steps: readonly { readonly outcome: string; readonly denoiser: string }[];
}

const fixed = /return value >= min && value <= max;/;

/** Runs `redgreen fix` with `args` and checks it went green by fixing A's source alone, B's tests untouched. */
async function expectFixInA(dir: string, args: readonly string[], cwd?: string): Promise<JsonResult> {
  const bTests = await snapshotFiles(join(dir, 'packages/b/test'));
  const run = await runCli(['fix', ...args, '--yes', '--json'], cwd === undefined ? {} : { cwd });
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout) as JsonResult;
  expect(result.status).toBe('green');
  expect(result.steps.at(-1)).toMatchObject({ outcome: 'green', denoiser: 'builtin' });
  expect(result.files).toEqual(['packages/a/src/range.ts']);
  expect(await readFile(join(dir, 'packages/a/src/range.ts'), 'utf8')).toMatch(fixed);
  expect(await snapshotFiles(join(dir, 'packages/b/test'))).toEqual(bTests);
  return result;
}

describe('redgreen fix in an npm workspace (built-in engine)', () => {
  it('goes green from the root: the fix in package A is what package B loads, and lands in A', async () => {
    project = await copyWorkspaceFixture('npm-workspaces', npmWorkspaceLinks);
    const result = await expectFixInA(project.dir, [project.dir]);
    expect(result.baseline).toEqual(expect.objectContaining({ passed: 6, failed: 2 }));
  }, 120_000);

  it("goes green from package B: B's tests run in B with the hoisted vitest, and the fix lands in A", async () => {
    project = await copyWorkspaceFixture('npm-workspaces', npmWorkspaceLinks);
    const result = await expectFixInA(project.dir, [join(project.dir, 'packages/b')]);
    expect(result.baseline).toEqual(expect.objectContaining({ passed: 4, failed: 2 }));
  }, 120_000);

  it('takes --tests relative to the package it runs in, with the cwd there', async () => {
    project = await copyWorkspaceFixture('npm-workspaces', npmWorkspaceLinks);
    const result = await expectFixInA(project.dir, ['.', '--tests', 'test/limits.test.ts'], join(project.dir, 'packages/b'));
    expect(result.baseline).toEqual(expect.objectContaining({ passed: 0, failed: 1 }));
  }, 120_000);

  it('goes green in a pnpm layout, where B links A from its own node_modules', async () => {
    project = await copyWorkspaceFixture('npm-workspaces', {}, { 'packages/b': { '@ws/a': 'packages/a' } });
    await writeFile(join(project.dir, 'pnpm-workspace.yaml'), "packages:\n  - 'packages/*'\n");
    await expectFixInA(project.dir, [join(project.dir, 'packages/b')]);
  }, 120_000);

  it('refuses a root whose test script runs package by package, saying how to run it instead', async () => {
    project = await copyWorkspaceFixture('npm-workspaces', npmWorkspaceLinks);
    const manifest = join(project.dir, 'package.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"test": "vitest run"', '"test": "npm test --workspaces"'));
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/runs each package's tests separately.*Run redgreen in a package .*--runner/s);
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });
});
