import { lstat, mkdir, rm } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { WorkspaceError } from '../core/errors.js';
import { tempMarker, writeFileAtomic } from './atomic-write.js';
import { backupDirOf, backupFilesDirName, readManifest, writeManifest, type BackupManifest } from './backup-manifest.js';
import { hashBytes } from './copy-project.js';
import type { FileChange } from '../core/file-change.js';
import { decodeText, encodeText } from './file-text.js';
import { assertRealPathInside, isMissing } from './fs-checks.js';
import { assertNoLinks, linkRefusal, makeParentDirs, readFileNoFollow } from './no-follow.js';
import { resolveInside, toPosixRelative } from './project-paths.js';
import { recoverWriteBacks, rollBack } from './recover-write-back.js';
import { assertRunId, ensureStateDir, stateDirName } from './state-dir.js';
import { listIntents, removeIntent, transactionsDir, writeIntent, type WriteIntent } from './write-intent.js';

export { backupDirOf } from './backup-manifest.js';

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

/** A point a write-back has reached: its record is on disk, an original is backed up, a file is written, all done. */
export type WriteBackStep =
  | { readonly kind: 'intent' }
  | { readonly kind: 'backup'; readonly file: string }
  | { readonly kind: 'write'; readonly file: string }
  | { readonly kind: 'done' };

export interface WriteBackOptions {
  /** Called as each step completes (progress, or stopping at a given point in tests); a throw aborts and rolls back. */
  readonly onStep?: (step: WriteBackStep) => void;
}

interface PlannedChange {
  readonly file: string;
  readonly path: string;
  readonly mode: number | undefined;
  /** The bytes on disk now (verified to be the run's `before`); undefined for a file the run creates. */
  readonly oldBytes: Buffer | undefined;
  /** The bytes to write; undefined for a deletion. */
  readonly newBytes: Buffer | undefined;
}

/**
 * Writes a run's changes into the user's project as one transaction. Checks first, writing nothing when any
 * fails: every file must still hold its `before` content, no file or directory on the way may be a symbolic
 * link, and every new text must encode back to bytes in the file's encoding (see file-text.ts). Then a record
 * of the intent is fsynced (`.redgreen/transactions/<runId>.json`), the originals are backed up with a
 * manifest, and each file is replaced atomically with its mode kept. A write that fails rolls everything
 * back; a crash is finished or rolled back by `recoverWriteBacks` on the next start.
 */
export async function writeBack(projectDir: string, changes: readonly FileChange[], runId: string, options: WriteBackOptions = {}): Promise<WriteBackResult> {
  assertRunId(runId);
  const project = resolve(projectDir);
  const plan = await planChanges(project, changes);
  const pending = await listIntents(project);
  if (pending.length > 0) {
    throw new WorkspaceError(
      `refusing to write back: an interrupted write-back of run ${pending[0]?.runId ?? ''} is pending; run redgreen again to recover it first`,
    );
  }
  await assertStateDirsReal(project);
  await ensureStateDir(project);
  const backupDir = backupDirOf(project, runId);
  await mkdir(dirname(backupDir), { recursive: true });
  await mkdir(backupDir).catch((error: unknown) => {
    throw new WorkspaceError(`a backup for run ${runId} already exists at ${backupDir}`, { cause: error });
  });
  await mkdir(join(project, transactionsDir), { recursive: true });
  const intent = await intentFor(project, runId, plan);
  const step = options.onStep ?? (() => undefined);
  try {
    await writeIntent(project, intent);
  } catch (error) {
    await rm(backupDir, { recursive: true, force: true });
    throw new WorkspaceError(`cannot record the write-back in ${join(project, transactionsDir)}; nothing was written`, { cause: error });
  }
  const written: string[] = [];
  let current = '';
  try {
    step({ kind: 'intent' });
    await backUp(backupDir, runId, plan, step);
    for (const change of plan) {
      current = change.file;
      await applyChange(project, change, intent);
      written.push(change.file);
      step({ kind: 'write', file: change.file });
    }
    await removeIntent(project, runId);
  } catch (error) {
    // A roll-back that fails too leaves its record in place: the next start finishes it.
    const rolledBack = await rollBack(project, intent).then(
      () => true,
      () => false,
    );
    const fate = rolledBack
      ? 'every file was put back as it was'
      : `putting the files back failed too; ${join(transactionsDir, `${runId}.json`)} is kept so the next start retries`;
    const what = current === '' ? `backing up the originals failed; ${rolledBack ? 'nothing was written' : fate}` : `writing ${current} failed; ${fate}`;
    throw new WorkspaceError(what, { cause: error });
  }
  step({ kind: 'done' });
  return { backupDir, written };
}

/** Backups and the intent must stay in the project: a `.redgreen` (or a folder in it) that is a link is refused. */
async function assertStateDirsReal(project: string): Promise<void> {
  for (const dir of [stateDirName, `${stateDirName}/backups`, transactionsDir]) {
    const info = await lstat(join(project, dir)).catch(() => undefined);
    if (info?.isSymbolicLink() === true) throw new WorkspaceError(`refusing to write back: ${dir} is a symbolic link; backups stay inside the project`);
  }
}

async function planChanges(project: string, changes: readonly FileChange[]): Promise<PlannedChange[]> {
  const plan: PlannedChange[] = [];
  const conflicts: string[] = [];
  const refusals: string[] = [];
  for (const change of changes) {
    if (change.before === change.after) continue;
    const file = toPosixRelative(change.file);
    const path = resolveInside(project, file);
    const refusal = await linkRefusal(project, file);
    if (refusal !== undefined) {
      refusals.push(refusal);
      continue;
    }
    await assertRealPathInside(project, dirname(path));
    const current = await readCurrent(path, file);
    const decoded = current.bytes === undefined ? undefined : decodeText(current.bytes);
    if (decoded?.text !== change.before) {
      conflicts.push(file);
      continue;
    }
    let newBytes: Buffer | undefined;
    if (change.after !== undefined) {
      const encoded = encodeText(file, change.after, change.encoding ?? decoded?.encoding ?? 'utf8');
      if (!encoded.ok) {
        refusals.push(encoded.reason);
        continue;
      }
      newBytes = encoded.bytes;
    }
    plan.push({ file, path, mode: current.mode, oldBytes: current.bytes, newBytes });
  }
  if (refusals.length > 0) throw new WorkspaceError(`${refusals.join('; ')}; nothing was written`);
  if (conflicts.length > 0) {
    throw new WorkspaceError(`refusing to write back: ${conflicts.join(', ')} changed on disk since the run started; nothing was written`);
  }
  return plan;
}

async function readCurrent(path: string, file: string): Promise<{ bytes: Buffer | undefined; mode: number | undefined }> {
  try {
    const info = await lstat(path);
    if (!info.isFile()) throw new WorkspaceError(`refusing to write back ${file}: it is not a regular file in the project`);
    return { bytes: await readFileNoFollow(path), mode: info.mode & 0o7777 };
  } catch (error) {
    if (isMissing(error)) return { bytes: undefined, mode: undefined };
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError(`cannot read ${file} in the project`, { cause: error });
  }
}

async function intentFor(project: string, runId: string, plan: readonly PlannedChange[]): Promise<WriteIntent> {
  const createdDirs = new Set<string>();
  for (const change of plan) {
    if (change.oldBytes !== undefined) continue;
    for (const dir of await missingParents(project, change.file)) createdDirs.add(dir);
  }
  return {
    version: 1,
    runId,
    createdAt: new Date().toISOString(),
    pid: process.pid,
    files: plan.map((change) => ({
      file: change.file,
      oldHash: change.oldBytes === undefined ? null : hashBytes(change.oldBytes),
      newHash: change.newBytes === undefined ? null : hashBytes(change.newBytes),
      backup: change.oldBytes === undefined ? null : posix.join(stateDirName, 'backups', runId, backupFilesDirName, change.file),
      temp: change.newBytes === undefined ? null : `${change.file}${tempMarker}${runId}`,
    })),
    createdDirs: [...createdDirs],
  };
}

async function missingParents(project: string, file: string): Promise<string[]> {
  const parts = posix
    .dirname(file)
    .split('/')
    .filter((part) => part !== '.');
  const missing: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if ((await lstat(resolveInside(project, dir)).catch(() => undefined)) === undefined) missing.push(dir);
  }
  return missing;
}

async function backUp(backupDir: string, runId: string, plan: readonly PlannedChange[], step: (step: WriteBackStep) => void): Promise<void> {
  const manifest: BackupManifest = { runId, createdAt: new Date().toISOString(), modified: [], created: [], deleted: [], writtenHashes: {} };
  for (const change of plan) {
    if (change.oldBytes === undefined) {
      manifest.created.push(change.file);
    } else {
      const backup = join(backupDir, backupFilesDirName, change.file);
      await mkdir(dirname(backup), { recursive: true });
      // The very bytes the conflict check verified, not a second read that could race an editor.
      await writeFileAtomic(backup, change.oldBytes, change.mode);
      (change.newBytes === undefined ? manifest.deleted : manifest.modified).push(change.file);
    }
    if (change.newBytes !== undefined) manifest.writtenHashes[change.file] = hashBytes(change.newBytes);
  }
  await writeManifest(backupDir, manifest);
  for (const change of plan) if (change.oldBytes !== undefined) step({ kind: 'backup', file: change.file });
}

async function applyChange(project: string, change: PlannedChange, intent: WriteIntent): Promise<void> {
  // Checked again right before writing: a link made since the plan is refused, never followed.
  await assertNoLinks(project, change.file);
  if (change.newBytes === undefined) {
    await rm(change.path, { force: true });
    return;
  }
  await makeParentDirs(project, change.file);
  const temp = intent.files.find((entry) => entry.file === change.file)?.temp;
  await writeFileAtomic(change.path, change.newBytes, { mode: change.mode, ...(temp ? { tempPath: resolveInside(project, temp) } : {}) });
}

/**
 * Undoes a write-back: puts back modified and deleted files from `.redgreen/backups/<runId>` and removes the
 * files it created. Refuses, changing nothing, when a file was edited after the write-back, unless `force`.
 * Recovers interrupted write-backs first (see `recoverWriteBacks`).
 */
export async function restoreBackup(projectDir: string, runId: string, options: { readonly force?: boolean } = {}): Promise<RestoreResult> {
  assertRunId(runId);
  const project = resolve(projectDir);
  await recoverWriteBacks(project);
  const backupDir = backupDirOf(project, runId);
  const manifest = await readManifest(backupDir);
  if (options.force !== true) await assertUnchangedSince(project, manifest);
  const restored: string[] = [];
  for (const file of [...manifest.modified, ...manifest.deleted]) {
    const backup = join(backupDir, backupFilesDirName, file);
    const path = resolveInside(project, file);
    const [bytes, info] = await Promise.all([readFileNoFollow(backup), lstat(backup)]);
    await makeParentDirs(project, file);
    await assertNoLinks(project, file);
    await writeFileAtomic(path, bytes, info.mode & 0o7777);
    restored.push(file);
  }
  for (const file of manifest.created) {
    await assertNoLinks(project, file);
    await rm(resolveInside(project, file), { force: true });
  }
  return { restored, removed: [...manifest.created] };
}

async function assertUnchangedSince(project: string, manifest: BackupManifest): Promise<void> {
  const edited: string[] = [];
  for (const [file, hash] of Object.entries(manifest.writtenHashes)) {
    const bytes = await readFileNoFollow(resolveInside(project, file)).catch(() => undefined);
    if (bytes === undefined || hashBytes(bytes) !== hash) edited.push(file);
  }
  if (edited.length > 0) {
    throw new WorkspaceError(`refusing to restore run ${manifest.runId}: ${edited.join(', ')} changed since the write-back (restore with force to overwrite)`);
  }
}
