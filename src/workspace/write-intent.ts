import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { WorkspaceError } from '../core/errors.js';
import { tempMarker, writeFileAtomic } from './atomic-write.js';
import { isMissing } from './fs-checks.js';
import { syncDir } from './no-follow.js';
import { stateDirName } from './state-dir.js';

const intentFileSchema = z.object({
  /** Project-relative POSIX path. */
  file: z.string(),
  /** sha256 of the content before the write-back; null when the write-back creates the file. */
  oldHash: z.string().nullable(),
  /** sha256 of the content the write-back writes; null when it deletes the file. */
  newHash: z.string().nullable(),
  /** Project-relative path of the original's backup; null for a created file. */
  backup: z.string().nullable(),
  /** Project-relative path of the temp file the new content goes to first; null for a deletion. */
  temp: z.string().nullable(),
});

const intentSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  createdAt: z.string(),
  /** The process writing back: while it runs, its record is work in progress, not a crash. */
  pid: z.number().int(),
  files: z.array(intentFileSchema),
  /** Directories the write-back creates for new files (outermost first); a roll-back removes them when empty. */
  createdDirs: z.array(z.string()),
});

/**
 * `.redgreen/transactions/<runId>.json`: what a write-back is about to do, written (and fsynced) before its
 * first change and removed after its last. Found on a later start, it means the write-back was cut short.
 */
export type WriteIntent = z.infer<typeof intentSchema>;
export type IntentFile = z.infer<typeof intentFileSchema>;

/** The directory holding pending intents, relative to the project. */
export const transactionsDir = `${stateDirName}/transactions`;

function intentPath(projectDir: string, runId: string): string {
  return join(projectDir, transactionsDir, `${runId}.json`);
}

/** Records `intent` durably; its directory must exist. */
export async function writeIntent(projectDir: string, intent: WriteIntent): Promise<void> {
  await writeFileAtomic(intentPath(projectDir, intent.runId), `${JSON.stringify(intent, null, 2)}\n`);
}

/** Removes a finished (or recovered) intent, durably. */
export async function removeIntent(projectDir: string, runId: string): Promise<void> {
  await rm(intentPath(projectDir, runId), { force: true });
  await syncDir(join(projectDir, transactionsDir));
}

/**
 * Every pending intent in the project, oldest run first. An intent's own half-written temp file is removed
 * (nothing was changed before the intent was in place); an unreadable or malformed intent is a `WorkspaceError`
 * naming it, since guessing what it meant could lose data.
 */
export async function listIntents(projectDir: string): Promise<WriteIntent[]> {
  const dir = join(projectDir, transactionsDir);
  const names = await readdir(dir).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw new WorkspaceError(`cannot read ${dir}`, { cause: error });
  });
  const intents: WriteIntent[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (name.includes(tempMarker)) await rm(path, { force: true });
    else if (name.endsWith('.json')) intents.push(await readIntent(path));
  }
  return intents;
}

async function readIntent(path: string): Promise<WriteIntent> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new WorkspaceError(`cannot read the write-back record ${path}; check the files it names by hand, then delete it`, { cause: error });
  }
  const parsed = intentSchema.safeParse(json);
  if (!parsed.success) throw new WorkspaceError(`${path} is not a redgreen write-back record; check it by hand, then delete it`, { cause: parsed.error });
  return parsed.data;
}
