import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimTempDir, cleanOldTempDirs, releaseTempDir } from './sandbox-retention.js';

const hour = 60 * 60 * 1000;
const now = Date.now();
let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'retention-test-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A temp dir as redgreen leaves it: a copy of `.env` inside, last modified `ageMs` ago. */
async function leftover(name: string, ageMs: number, owner?: number): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(dir);
  await writeFile(join(dir, '.env'), 'SECRET=1\n');
  if (owner !== undefined) await claimTempDir(dir, owner);
  const at = new Date(now - ageMs);
  await utimes(dir, at, at);
  return dir;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolvePromise) => child.on('exit', resolvePromise));
  return child.pid as number;
}

describe('cleanOldTempDirs', () => {
  it('removes sandboxes and run dirs past the retention period, with their markers, and keeps younger ones', async () => {
    const dead = await deadPid();
    const old = await leftover('redgreen-sandbox-aaaaaa', 25 * hour, dead);
    const oldRun = await leftover('redgreen-run-bbbbbb', 30 * hour);
    const young = await leftover('redgreen-sandbox-cccccc', 2 * hour, dead);
    const result = await cleanOldTempDirs({ tmpDir: tmp, now });
    expect([...result.removed].sort()).toEqual([old, oldRun].sort());
    expect(existsSync(old)).toBe(false);
    expect(existsSync(`${old}.owner`)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it('never touches a dir whose owner is still running, however old', async () => {
    const live = await leftover('redgreen-sandbox-dddddd', 48 * hour, process.pid);
    const result = await cleanOldTempDirs({ tmpDir: tmp, now });
    expect(result).toEqual({ removed: [], inUse: 1 });
    expect(existsSync(join(live, '.env'))).toBe(true);
  });

  it('keeps only the newest few of the dirs nobody uses', async () => {
    const dead = await deadPid();
    const dirs = [];
    for (let i = 0; i < 5; i++) dirs.push(await leftover(`redgreen-sandbox-kept0${i}`, (i + 1) * hour, dead));
    const result = await cleanOldTempDirs({ tmpDir: tmp, now, maxKept: 2 });
    expect([...result.removed].sort()).toEqual(dirs.slice(2).sort());
    expect(dirs.slice(0, 2).every((dir) => existsSync(dir))).toBe(true);
  });

  it('leaves a young unmarked dir alone whatever the count: it may be a run that has just started', async () => {
    const fresh = await leftover('redgreen-run-fresh1', 60_000);
    const result = await cleanOldTempDirs({ tmpDir: tmp, now, maxKept: 0 });
    expect(result.removed).toEqual([]);
    expect(existsSync(fresh)).toBe(true);
  });

  it('ignores other names and does not follow symlinks', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'retention-target-'));
    try {
      await writeFile(join(outside, 'keep.txt'), 'x');
      await symlink(outside, join(tmp, 'redgreen-sandbox-linkkk'));
      await leftover('redgreen-fixture-vitest-basic-abc', 48 * hour);
      await leftover('other-dir', 48 * hour);
      const result = await cleanOldTempDirs({ tmpDir: tmp, now });
      expect(result.removed).toEqual([]);
      expect(existsSync(join(outside, 'keep.txt'))).toBe(true);
      expect((await readdir(tmp)).sort()).toEqual(['other-dir', 'redgreen-fixture-vitest-basic-abc', 'redgreen-sandbox-linkkk']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('drops a marker whose dir is gone, and releasing a claim removes its marker', async () => {
    await writeFile(join(tmp, 'redgreen-sandbox-gone00.owner'), '1\n');
    const dir = await leftover('redgreen-sandbox-mine00', 0);
    await claimTempDir(dir);
    await cleanOldTempDirs({ tmpDir: tmp, now });
    expect(existsSync(join(tmp, 'redgreen-sandbox-gone00.owner'))).toBe(false);
    expect(existsSync(`${dir}.owner`)).toBe(true);
    await releaseTempDir(dir);
    expect(existsSync(`${dir}.owner`)).toBe(false);
  });

  it('gives nothing and throws nothing when the temp dir cannot be read', async () => {
    expect(await cleanOldTempDirs({ tmpDir: join(tmp, 'missing') })).toEqual({ removed: [], inUse: 0 });
  });
});
