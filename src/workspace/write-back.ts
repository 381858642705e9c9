import { copyFile, lstat, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { backupFilesDirName, readManifest, writeManifest, type BackupManifest } from './backup-manifest.js';
import { hashBytes } from './copy-project.js';
import type { FileChange } from './file-change.js';
import { assertRealPathInside, isMissing } from './fs-checks.js';
import { resolveInside, toPosixRelative } from './project-paths.js';
import { assertRunId, ensureStateDir, stateDirName } from './state-dir.js';

export interface WriteBackResult {
  /** `<project>/.redgreen/backups/<runId>`: `manifest.json` and the originals under `files/`. */
  readonly backupDir: string;
  /** Project-relative paths written or deleted, in order. */
  readonly written: readonly string[];
}

export interface RestoreResult {
  /** Files put back to their content before the write-back (modified and deleted ones). */
  readonly restored: readonly string[];
  /** Files the write-back had created, now removed. */
  readonly removed: readonly string[];
}

interface PlannedChange extends FileChange {
  readonly path: string;
  readonly mode: number | undefined;
}

/** The backup directory of one run. */
export function backupDirOf(projectDir: string, runId: string): string {
  return join(resolve(projectDir), stateDirName, 'backups', runId);
}

/**
 * Writes a run's changes into the user's project. All-or-nothing checks first: if any file no longer has its
 * `before` content (the user edited it during the run) nothing is written. Originals are backed up with a
 * manifest before the first write; each file is replaced atomically with its mode kept. If a write fails
 * midway the project is restored from the backup and a `WorkspaceError` is thrown.
 */
export async function writeBack(projectDir: string, changes: readonly FileChange[], runId: string): Promise<WriteBackResult> {
  assertRunId(runId);
  const project = resolve(projectDir);
  const plan = await planChanges(project, changes);
  await ensureStateDir(project);
  const backupDir = backupDirOf(project, runId);
  await mkdir(dirname(backupDir), { recursive: true });
  await mkdir(backupDir).catch((error: unknown) => {
    throw new WorkspaceError(`a backup for run ${runId} already exists at ${backupDir}`, { cause: error });
  });
  const manifest: BackupManifest = { runId, createdAt: new Date().toISOString(), modified: [], created: [], deleted: [], writtenHashes: {} };
  for (const change of plan) {
    if (change.before === undefined) {
      manifest.created.push(change.file);
    } else {
      const backup = join(backupDir, backupFilesDirName, change.file);
      await mkdir(dirname(backup), { recursive: true });
      await copyFile(change.path, backup);
      (change.after === undefined ? manifest.deleted : manifest.modified).push(change.file);
    }
    if (change.after !== undefined) manifest.writtenHashes[change.file] = hashBytes(Buffer.from(change.after, 'utf8'));
  }
  await writeManifest(backupDir, manifest);
  const written: string[] = [];
  for (const change of plan) {
    try {
      await applyChange(change);
      written.push(change.file);
    } catch (error) {
      await restoreBackup(project, runId, { force: true }).catch(() => undefined);
      throw new WorkspaceError(`writing ${change.file} failed; the project was restored from ${backupDir}`, { cause: error });
    }
  }
  return { backupDir, written };
}

async function planChanges(project: string, changes: readonly FileChange[]): Promise<PlannedChange[]> {
  const plan: PlannedChange[] = [];
  const conflicts: string[] = [];
  for (const change of changes) {
    if (change.before === change.after) continue;
    const file = toPosixRelative(change.file);
    const path = resolveInside(project, file);
    await assertRealPathInside(project, dirname(path));
    const current = await readCurrent(path, file);
    if (current.text !== change.before) conflicts.push(file);
    else plan.push({ ...change, file, path, mode: current.mode });
  }
  if (conflicts.length > 0) {
    throw new WorkspaceError(`refusing to write back: ${conflicts.join(', ')} changed on disk since the run started; nothing was written`);
  }
  return plan;
}

async function readCurrent(path: string, file: string): Promise<{ text: string | undefined; mode: number | undefined }> {
  try {
    const info = await lstat(path);
    if (!info.isFile()) throw new WorkspaceError(`refusing to write back ${file}: it is not a regular file in the project`);
    return { text: await readFile(path, 'utf8'), mode: info.mode & 0o7777 };
  } catch (error) {
    if (isMissing(error)) return { text: undefined, mode: undefined };
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError(`cannot read ${file} in the project`, { cause: error });
  }
}

async function applyChange(change: PlannedChange): Promise<void> {
  if (change.after === undefined) {
    await rm(change.path, { force: true });
    return;
  }
  await mkdir(dirname(change.path), { recursive: true });
  await writeFileAtomic(change.path, change.after, change.mode);
}

/**
 * Undoes a write-back: puts back modified and deleted files from `.redgreen/backups/<runId>` and removes the
 * files it created. Refuses, changing nothing, when a file was edited after the write-back, unless `force`.
 */
export async function restoreBackup(projectDir: string, runId: string, options: { readonly force?: boolean } = {}): Promise<RestoreResult> {
  assertRunId(runId);
  const project = resolve(projectDir);
  const backupDir = backupDirOf(project, runId);
  const manifest = await readManifest(backupDir);
  if (options.force !== true) await assertUnchangedSince(project, manifest);
  const restored: string[] = [];
  for (const file of [...manifest.modified, ...manifest.deleted]) {
    const backup = join(backupDir, backupFilesDirName, file);
    const path = resolveInside(project, file);
    const [bytes, info] = await Promise.all([readFile(backup), lstat(backup)]);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes, info.mode & 0o7777);
    restored.push(file);
  }
  for (const file of manifest.created) await rm(resolveInside(project, file), { force: true });
  return { restored, removed: [...manifest.created] };
}

async function assertUnchangedSince(project: string, manifest: BackupManifest): Promise<void> {
  const edited: string[] = [];
  for (const [file, hash] of Object.entries(manifest.writtenHashes)) {
    const bytes = await readFile(resolveInside(project, file)).catch(() => undefined);
    if (bytes === undefined || hashBytes(bytes) !== hash) edited.push(file);
  }
  if (edited.length > 0) {
    throw new WorkspaceError(`refusing to restore run ${manifest.runId}: ${edited.join(', ')} changed since the write-back (restore with force to overwrite)`);
  }
}
