import { lstat, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The temp dirs redgreen makes (`mkdtemp` adds six characters): sandboxes, the runners' run dirs, and the
 * isolation boundary's scratch dirs (a private HOME and temp dir).
 */
const tempDirName = /^redgreen-(sandbox|run|scratch)-[A-Za-z0-9]{6}$/;
/** The marker beside a temp dir, naming the process that uses it. */
const ownerSuffix = '.owner';

export interface RetentionOptions {
  /** Where the temp dirs are; default `os.tmpdir()`. */
  readonly tmpDir?: string;
  /** Dirs older than this are removed; default 24 h. */
  readonly maxAgeMs?: number;
  /** Of the younger ones no live process uses, this many (the newest) are kept; default 10. */
  readonly maxKept?: number;
  /**
   * A dir with no owner marker that is younger than this may belong to a run that started a moment ago (or to
   * a runner's run dir, which carries no marker): it is never removed for the count, only for its age.
   */
  readonly unmarkedGraceMs?: number;
  readonly now?: number;
  /** Whether a process is still running; default: `kill(pid, 0)`. */
  readonly isAlive?: (pid: number) => boolean;
}

export interface RetentionResult {
  /** Absolute paths of the dirs removed. */
  readonly removed: readonly string[];
  /** Dirs left because a live process uses them. */
  readonly inUse: number;
}

export const retentionDefaults = { maxAgeMs: 24 * 60 * 60 * 1000, maxKept: 10, unmarkedGraceMs: 60 * 60 * 1000 } as const;

/** Records that this process uses `dir` (a redgreen temp dir), so that no other run's clean-up removes it. */
export async function claimTempDir(dir: string, pid: number = process.pid): Promise<void> {
  await writeFile(`${dir}${ownerSuffix}`, `${pid}\n`).catch(() => undefined);
}

/** Forgets the claim on `dir` once it is removed. */
export async function releaseTempDir(dir: string): Promise<void> {
  await rm(`${dir}${ownerSuffix}`, { force: true }).catch(() => undefined);
}

interface Found {
  readonly path: string;
  readonly ageMs: number;
  /** The pid in the owner marker; undefined without one. */
  readonly owner: number | undefined;
}

/**
 * Removes the sandboxes and run dirs that earlier runs left in the temp dir (red runs keep theirs for
 * inspection, and a killed run leaves its own): those older than `maxAgeMs`, and beyond the newest `maxKept`.
 * A dir whose owner is still running is never touched; symlinks and other names are never followed or
 * removed. Never throws: a dir that cannot be removed stays.
 */
export async function cleanOldTempDirs(options: RetentionOptions = {}): Promise<RetentionResult> {
  const tmpDir = options.tmpDir ?? tmpdir();
  const now = options.now ?? Date.now();
  const maxAgeMs = options.maxAgeMs ?? retentionDefaults.maxAgeMs;
  const maxKept = options.maxKept ?? retentionDefaults.maxKept;
  const graceMs = options.unmarkedGraceMs ?? retentionDefaults.unmarkedGraceMs;
  const isAlive = options.isAlive ?? processIsAlive;
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  const present = new Set(names);
  const found: Found[] = [];
  for (const name of names) {
    const markerOf = name.endsWith(ownerSuffix) ? name.slice(0, -ownerSuffix.length) : undefined;
    if (markerOf !== undefined && tempDirName.test(markerOf) && !present.has(markerOf)) {
      await rm(join(tmpDir, name), { force: true }).catch(() => undefined);
      continue;
    }
    if (!tempDirName.test(name)) continue;
    const path = join(tmpDir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) continue;
    found.push({ path, ageMs: now - info.mtimeMs, owner: await readOwner(path) });
  }
  const removed: string[] = [];
  let inUse = 0;
  let kept = 0;
  for (const dir of found.sort((a, b) => a.ageMs - b.ageMs)) {
    if (dir.owner !== undefined && isAlive(dir.owner)) {
      inUse += 1;
      continue;
    }
    if (dir.ageMs <= maxAgeMs) {
      if (dir.owner === undefined && dir.ageMs <= graceMs) continue;
      if (kept < maxKept) {
        kept += 1;
        continue;
      }
    }
    const gone = await rm(dir.path, { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    if (!gone) continue;
    await releaseTempDir(dir.path);
    removed.push(dir.path);
  }
  return { removed, inUse };
}

async function readOwner(dir: string): Promise<number | undefined> {
  const text = await readFile(`${dir}${ownerSuffix}`, 'utf8').catch(() => undefined);
  const pid = text === undefined ? Number.NaN : Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
