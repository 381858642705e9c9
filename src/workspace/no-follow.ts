import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { posix } from 'node:path';
import { WorkspaceError } from '../core/errors.js';
import { isMissing } from './fs-checks.js';
import { resolveInside, toPosixRelative } from './project-paths.js';

/**
 * Why an edit of `rel` under `root` must not go ahead because the file, or a directory on its way, is a
 * symbolic link (dangling or not, pointing anywhere) or not a directory; undefined when every existing
 * component is a real directory and the file is absent or a regular file. Each component is `lstat`ed: no
 * link is ever followed.
 */
export async function linkRefusal(root: string, rel: string): Promise<string | undefined> {
  const file = toPosixRelative(rel);
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const info = await lstat(resolveInside(root, prefix)).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw new WorkspaceError(`cannot inspect ${prefix}`, { cause: error });
    });
    if (info === undefined) return undefined;
    const last = i === parts.length;
    if (info.isSymbolicLink()) return `refusing to edit ${file}: ${last ? 'it' : `its directory ${prefix}`} is a symbolic link`;
    if (!last && !info.isDirectory()) return `refusing to edit ${file}: ${prefix} is not a directory`;
    if (last && !info.isFile()) return `refusing to edit ${file}: it is not a regular file`;
  }
  return undefined;
}

/** Throws a `WorkspaceError` with the reason when `linkRefusal` has one. */
export async function assertNoLinks(root: string, rel: string): Promise<void> {
  const refusal = await linkRefusal(root, rel);
  if (refusal !== undefined) throw new WorkspaceError(refusal);
}

/**
 * Creates the parent directories of `rel` under `root` one at a time, refusing a symbolic link or a file on
 * the way instead of following it. Returns the directories it created (project-relative, outermost first).
 */
export async function makeParentDirs(root: string, rel: string): Promise<string[]> {
  const file = toPosixRelative(rel);
  const dirs = posix
    .dirname(file)
    .split('/')
    .filter((part) => part !== '.' && part !== '');
  const created: string[] = [];
  for (let i = 1; i <= dirs.length; i++) {
    const prefix = dirs.slice(0, i).join('/');
    const path = resolveInside(root, prefix);
    const info = await lstat(path).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
    if (info === undefined) {
      await mkdir(path);
      created.push(prefix);
    } else if (info.isSymbolicLink()) {
      throw new WorkspaceError(`refusing to edit ${file}: its directory ${prefix} is a symbolic link`);
    } else if (!info.isDirectory()) {
      throw new WorkspaceError(`refusing to edit ${file}: ${prefix} is not a directory`);
    }
  }
  return created;
}

/** Flushes a directory's entries (a rename or unlink in it) to disk; a no-op where directories cannot be opened. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/** A file's bytes, failing (ELOOP) instead of following when the file itself is a symbolic link. */
export async function readFileNoFollow(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
