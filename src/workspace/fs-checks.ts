import { realpath } from 'node:fs/promises';
import { dirname, relative, isAbsolute, sep } from 'node:path';
import { WorkspaceError } from '../core/errors.js';

/** Whether a thrown value is Node's "no such file or directory". */
export function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/**
 * Throws unless `path`, with symlinks resolved (through its nearest existing ancestor when it does not
 * exist yet), lies inside `root`. Stops writes through a linked `node_modules` or a symlink that points out.
 */
export async function assertRealPathInside(root: string, path: string): Promise<void> {
  let existing = path;
  let real: string | undefined;
  while (real === undefined) {
    try {
      real = await realpath(existing);
    } catch (error) {
      if (!isMissing(error) || dirname(existing) === existing) throw new WorkspaceError(`cannot resolve ${path}`, { cause: error });
      existing = dirname(existing);
    }
  }
  const fromRoot = relative(root, real);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    throw new WorkspaceError(`refusing to write ${path}: it resolves to ${real}, outside ${root}`);
  }
}
