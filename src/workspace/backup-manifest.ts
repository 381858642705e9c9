import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { WorkspaceError } from '../core/errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { isMissing } from './fs-checks.js';
import { stateDirName } from './state-dir.js';

const manifestSchema = z.object({
  runId: z.string(),
  createdAt: z.string(),
  /** Files that existed and were overwritten; their originals are under `files/`. */
  modified: z.array(z.string()),
  /** Files the write-back created; undo deletes them. */
  created: z.array(z.string()),
  /** Files the write-back deleted; their originals are under `files/`. */
  deleted: z.array(z.string()),
  /** sha256 of what the write-back wrote, so undo can tell whether the user edited a file since. */
  writtenHashes: z.record(z.string(), z.string()),
});

/** `.redgreen/backups/<runId>/manifest.json`: what one write-back changed, enough to undo it. */
export type BackupManifest = z.infer<typeof manifestSchema>;

export const manifestFileName = 'manifest.json';
/** Originals live in a subdirectory so a project file named `manifest.json` cannot collide with the manifest. */
export const backupFilesDirName = 'files';

/** The backup directory of one run: `<project>/.redgreen/backups/<runId>`. */
export function backupDirOf(projectDir: string, runId: string): string {
  return join(resolve(projectDir), stateDirName, 'backups', runId);
}

/** Writes the manifest into `backupDir`. */
export async function writeManifest(backupDir: string, manifest: BackupManifest): Promise<void> {
  await writeFileAtomic(join(backupDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads and validates the manifest in `backupDir`; a missing or malformed one is a `WorkspaceError`. */
export async function readManifest(backupDir: string): Promise<BackupManifest> {
  const path = join(backupDir, manifestFileName);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const what = isMissing(error) ? `no backup manifest at ${path}` : `cannot read ${path}`;
    throw new WorkspaceError(what, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WorkspaceError(`${path} is not valid JSON`, { cause: error });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new WorkspaceError(`${path} is not a redgreen backup manifest`, { cause: parsed.error });
  return parsed.data;
}
