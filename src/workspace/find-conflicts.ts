import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileChange } from '../core/file-change.js';
import { isMissing } from './fs-checks.js';
import { resolveInside, toPosixRelative } from './project-paths.js';

/** The project files that no longer have the content a fix was made against. */
export interface Conflicts {
  /** Changed on disk to something other than the fix: someone's edit would be overwritten. */
  readonly edited: readonly string[];
  /** Changed on disk to exactly what the fix writes. */
  readonly alreadyFixed: readonly string[];
}

/** Compares each changed file's current content in the project with the `before` the fix was made against. */
export async function findConflicts(projectDir: string, changes: readonly FileChange[]): Promise<Conflicts> {
  const edited: string[] = [];
  const alreadyFixed: string[] = [];
  for (const change of changes) {
    if (change.before === change.after) continue;
    const file = toPosixRelative(change.file);
    const current = await readFile(resolveInside(projectDir, file), 'utf8').catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (current === change.before) continue;
    (current === change.after ? alreadyFixed : edited).push(file);
  }
  return { edited, alreadyFixed };
}

/**
 * The first changed file the project would not let us write (a read-only checkout or mount), as the error
 * `access` gives for it (naming the path); undefined when every one looks writable.
 */
export async function findUnwritable(projectDir: string, changes: readonly FileChange[]): Promise<unknown> {
  for (const change of changes) {
    if (change.before === change.after) continue;
    const path = resolveInside(projectDir, toPosixRelative(change.file));
    const target = change.before === undefined ? dirname(path) : path;
    const failure = await access(target, constants.W_OK).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (failure !== undefined && !isMissing(failure)) return failure;
  }
  return undefined;
}
