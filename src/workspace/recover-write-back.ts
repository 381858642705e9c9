import { lstat, readdir, realpath, rm, rmdir } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { WorkspaceError } from '../core/errors.js';
import { tempMarker, writeFileAtomic } from './atomic-write.js';
import { backupDirOf } from './backup-manifest.js';
import { hashBytes } from './copy-project.js';
import { isMissing } from './fs-checks.js';
import { assertNoLinks, makeParentDirs, readFileNoFollow } from './no-follow.js';
import { resolveInside } from './project-paths.js';
import { isWriterRunning } from './writer-running.js';
import { listIntents, removeIntent, transactionsDir, type WriteIntent } from './write-intent.js';

/** What the start of a run found of a write-back that was cut short (a crash, a kill, a power cut). */
export interface RecoveredWriteBack {
  readonly runId: string;
  /**
   * `completed`: every file already had its new content; `rolled-back`: every file has its old content again;
   * `in-progress`: the process writing it back is still running, so it was left alone.
   */
  readonly outcome: 'completed' | 'rolled-back' | 'in-progress';
  /** The files of the write-back (all of them when completed; those put back when rolled back). */
  readonly files: readonly string[];
  /** Leftover temp files removed from the project. */
  readonly removedTemps: readonly string[];
}

/**
 * Finishes or undoes every write-back of `projectDir` that a crash interrupted, so the project is never left
 * half patched: when every file already has its new content the record is simply closed; otherwise every file
 * is put back to its old content from the backup. Leftover temp files are removed either way. Throws a
 * `WorkspaceError`, changing nothing, when a file has content that is neither old nor new (edited since).
 */
export async function recoverWriteBacks(projectDir: string): Promise<RecoveredWriteBack[]> {
  const project = resolve(projectDir);
  const recovered: RecoveredWriteBack[] = [];
  for (const intent of await listIntents(project)) {
    if (intent.pid !== process.pid && (await isWriterRunning(intent.pid, Date.parse(intent.createdAt))))
      recovered.push({ runId: intent.runId, outcome: 'in-progress', files: [], removedTemps: [] });
    else recovered.push(await recoverOne(project, intent));
  }
  return recovered;
}

/** The runs whose write-back a crash interrupted, without touching them (for `--dry-run`). */
export async function listPendingWriteBacks(projectDir: string): Promise<string[]> {
  return (await listIntents(resolve(projectDir))).map((intent) => intent.runId);
}

/** One line saying what recovery did, for a terminal. */
export function describeRecovery(recovered: RecoveredWriteBack): string {
  const files = recovered.files.length === 0 ? 'no file needed it' : recovered.files.join(', ');
  if (recovered.outcome === 'in-progress') return `run ${recovered.runId} is being written back by another redgreen process; left alone`;
  return recovered.outcome === 'completed'
    ? `recovered an interrupted write-back of run ${recovered.runId}: it had finished writing (${files})`
    : `recovered an interrupted write-back of run ${recovered.runId}: rolled back to the files as they were (${files})`;
}

async function recoverOne(project: string, intent: WriteIntent): Promise<RecoveredWriteBack> {
  const removedTemps = await removeTemps(project, intent);
  const current = await Promise.all(intent.files.map((entry) => currentHash(project, entry.file)));
  if (intent.files.every((entry, i) => current[i] === entry.newHash)) {
    await removeIntent(project, intent.runId);
    return { runId: intent.runId, outcome: 'completed', files: intent.files.map((entry) => entry.file), removedTemps };
  }
  const edited = intent.files.filter((entry, i) => current[i] !== entry.oldHash && current[i] !== entry.newHash).map((entry) => entry.file);
  if (edited.length > 0) {
    throw new WorkspaceError(
      `an interrupted write-back of run ${intent.runId} cannot be finished or undone: ${edited.join(', ')} changed since; ` +
        `compare with ${backupDirOf(project, intent.runId)}, then delete ${join(project, transactionsDir, `${intent.runId}.json`)}`,
    );
  }
  const files = await rollBack(project, intent);
  return { runId: intent.runId, outcome: 'rolled-back', files, removedTemps };
}

/**
 * Puts every file of `intent` back to its old content (from its verified backup; a created file is removed,
 * and so are the directories made for it when empty), then closes the record and drops the backup, which
 * now describes nothing. Returns the files it changed.
 */
export async function rollBack(project: string, intent: WriteIntent): Promise<string[]> {
  const changed: string[] = [];
  for (const entry of intent.files) {
    if ((await currentHash(project, entry.file)) === entry.oldHash) continue;
    const path = resolveInside(project, entry.file);
    await assertNoLinks(project, entry.file);
    if (entry.oldHash === null || entry.backup === null) {
      await rm(path, { force: true });
    } else {
      const backup = resolveInside(project, entry.backup);
      const bytes = await readFileNoFollow(backup).catch((error: unknown) => {
        throw new WorkspaceError(`cannot roll back ${entry.file}: its backup ${backup} cannot be read`, { cause: error });
      });
      if (hashBytes(bytes) !== entry.oldHash) throw new WorkspaceError(`cannot roll back ${entry.file}: its backup ${backup} does not hold the old content`);
      await makeParentDirs(project, entry.file);
      await writeFileAtomic(path, bytes, (await lstat(backup)).mode & 0o7777);
    }
    changed.push(entry.file);
  }
  for (const dir of [...intent.createdDirs].reverse()) await rmdir(resolveInside(project, dir)).catch(() => undefined);
  // The backup goes first: should this be cut short, the record is still there and every file already old.
  await rm(backupDirOf(project, intent.runId), { recursive: true, force: true });
  await removeIntent(project, intent.runId);
  return changed;
}

/**
 * Removes the temp files of the intent's files: the ones it names, and any other `<name>.redgreen-tmp-*` beside
 * them (a roll-back cut short leaves its own). Never follows a link: only regular files are removed.
 */
async function removeTemps(project: string, intent: WriteIntent): Promise<string[]> {
  const removed: string[] = [];
  const realProject = await realpath(project);
  for (const entry of intent.files) {
    const dir = posix.dirname(entry.file);
    const prefix = `${posix.basename(entry.file)}${tempMarker}`;
    const parent = dirname(resolveInside(project, entry.file));
    // A directory that became a link since is not looked into.
    if ((await realpath(parent).catch(() => undefined)) !== join(realProject, dir)) continue;
    const names = await readdir(parent).catch(() => []);
    for (const name of names.filter((candidate) => candidate.startsWith(prefix)).sort()) {
      const rel = dir === '.' ? name : `${dir}/${name}`;
      const info = await lstat(resolveInside(project, rel)).catch(() => undefined);
      if (info?.isFile() !== true) continue;
      await rm(resolveInside(project, rel), { force: true });
      removed.push(rel);
    }
  }
  return removed;
}

/** sha256 of a file's bytes; null when it does not exist; `link` (matching no hash) for a symbolic link. */
async function currentHash(project: string, file: string): Promise<string | null> {
  try {
    return hashBytes(await readFileNoFollow(resolveInside(project, file)));
  } catch (error) {
    if (isMissing(error)) return null;
    if (error instanceof Error && 'code' in error && error.code === 'ELOOP') return 'link';
    throw new WorkspaceError(`cannot read ${file} in the project`, { cause: error });
  }
}
