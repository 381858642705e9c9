import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { recordedReplies } from '../helpers/replies-file.js';
import type { CliRun } from '../helpers/run-cli.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

/**
 * Projects redgreen cannot freely write: a read-only checkout (a read-only bind mount, which stops root too),
 * a state directory that cannot be created, and a file the user edits while the run goes on. The verified
 * fix is never lost: it is shown or saved, with one line saying where and why.
 */
const model = `scripted:${recordedReplies('vitest-basic-fix')}`;

let project: FixtureProject | undefined;
let tmp: string;
let mounted = false;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'redgreen-access-'));
});
afterEach(async () => {
  if (mounted && project) execFileSync('umount', [project.dir]);
  mounted = false;
  await project?.cleanup();
  project = undefined;
  await rm(tmp, { recursive: true, force: true });
});

/** Makes the project read-only with a bind mount; false where mounting is not allowed (not root). */
function mountReadOnly(dir: string): boolean {
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  mounted = true;
  execFileSync('mount', ['-o', 'remount,ro,bind', dir, dir], { stdio: 'ignore' });
  return true;
}

/** The CLI with its temp dir private to the test, so that a patch saved there can be found. */
function fix(args: readonly string[]): Promise<CliRun> {
  return runCli(['fix', (project as FixtureProject).dir, '--model', model, ...args], { env: { TMPDIR: tmp } });
}

async function patchesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.patch'));
}

function noStack(run: CliRun): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain('ENOTEMPTY');
}

describe.skipIf(process.platform !== 'linux')('a read-only checkout (read-only bind mount)', () => {
  it('--dry-run repairs it and shows the patch', async (ctx) => {
    project = await copyFixture('vitest-basic');
    if (!mountReadOnly(project.dir)) ctx.skip();
    const run = await fix(['--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('+  if (value > max) {');
    expect(run.stderr).toContain('dry run: your files are unchanged');
    noStack(run);
  }, 120_000);

  it('without a terminal or --yes, saves the patch in the temp dir and says why', async (ctx) => {
    project = await copyFixture('vitest-basic');
    if (!mountReadOnly(project.dir)) ctx.skip();
    const run = await fix([]);
    expect(run.code, run.stderr).toBe(0);
    const [patch] = await patchesIn(tmp);
    expect(patch).toMatch(/^redgreen-\d{8}-\d{6}-[0-9a-f]{6}\.patch$/);
    expect(run.stderr).toContain(`(not in the project: ${project.dir}: read-only file system): patch saved to ${join(tmp, patch as string)}`);
    expect(await readFile(join(tmp, patch as string), 'utf8')).toContain('+  if (value > max) {');
    noStack(run);
  }, 120_000);

  it('--yes fails with one line naming the file, exit 1, the fix saved and the project unchanged', async (ctx) => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    if (!mountReadOnly(project.dir)) ctx.skip();
    const run = await fix(['--yes']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /the fix could not be written into the project \(src\/math\.ts: read-only file system\): patch saved to \S+redgreen-[0-9a-f-]+\.patch/,
    );
    expect(await patchesIn(tmp)).toHaveLength(1);
    noStack(run);
    execFileSync('umount', [project.dir]);
    mounted = false;
    expect(await snapshotFiles(project.dir)).toEqual(before);
  }, 120_000);
});

describe('a project redgreen cannot fully write', () => {
  // A file where the state directory belongs stops root as well as anyone; the FIFO beside it is skipped.
  it('saves the patch in the temp dir when .redgreen cannot be created, naming it', async () => {
    project = await copyFixture('vitest-basic');
    await writeFile(join(project.dir, '.redgreen'), 'a file, not the state dir\n');
    execFileSync('mkfifo', [join(project.dir, 'src/pipe')]);
    const run = await fix([]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/no terminal to ask for approval and no --yes \(not in the project: \.redgreen(\/runs)?: [a-z ]+\): patch saved to /);
    expect(await patchesIn(tmp)).toHaveLength(1);
    noStack(run);
  }, 120_000);
});

/** Runs the CLI and, once its sandbox is made (the copy is taken), lets `edit` change the project. */
function fixWhileEditing(args: readonly string[], edit: () => Promise<void>): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'redgreen.js'), 'fix', (project as FixtureProject).dir, '--model', model, ...args], {
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let edited: Promise<void> | undefined;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (edited === undefined && stderr.includes('sandbox ')) edited = edit();
    });
    child.on('error', reject);
    child.on('close', (code) => void Promise.resolve(edited).then(() => resolvePromise({ code, stdout, stderr }), reject));
  });
}

describe('a write-back refused because the user edited a file during the run', () => {
  const userEdit = '// the user was here\n';
  const editMath = async () => {
    const path = join((project as FixtureProject).dir, 'src/math.ts');
    await writeFile(path, `${await readFile(path, 'utf8')}${userEdit}`);
  };

  it('keeps the verified fix as a patch, says which file conflicts, and exits 1', async () => {
    project = await copyFixture('vitest-basic');
    const run = await fixWhileEditing(['--yes'], editMath);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/your edits to src\/math\.ts during the run conflict with the fix: patch saved to \S+\/\.redgreen\/runs\/[0-9a-f-]+\.patch/);
    noStack(run);
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain(userEdit);
    const [patch] = await patchesIn(join(project.dir, '.redgreen', 'runs'));
    expect(await readFile(join(project.dir, '.redgreen', 'runs', patch as string), 'utf8')).toContain('+  if (value > max) {');
    expect(existsSync(join(project.dir, '.redgreen', 'backups'))).toBe(false);
  }, 120_000);

  it('--json carries the delivery with the reason and exit code 1', async () => {
    project = await copyFixture('vitest-basic');
    const run = await fixWhileEditing(['--yes', '--json'], editMath);
    expect(run.code, run.stderr).toBe(1);
    const json = JSON.parse(run.stdout) as { status: string; exitCode: number; diff: string; delivery: { kind: string; reason: string; patchFile: string } };
    expect(json.status).toBe('green');
    expect(json.exitCode).toBe(1);
    expect(json.diff).toContain('+  if (value > max) {');
    expect(json.delivery.kind).toBe('saved');
    expect(json.delivery.reason).toBe('your edits to src/math.ts during the run conflict with the fix');
    expect(await readFile(json.delivery.patchFile, 'utf8')).toBe(json.diff);
  }, 120_000);
});
