import { isAbsolute, relative, resolve, sep } from 'node:path';
import { WorkspaceError } from '../core/errors.js';

/** Directories that are never copied, listed or written: version control and redgreen's own state. */
export const excludedDirs: ReadonlySet<string> = new Set(['.git', '.redgreen']);

/** Dependency directories: linked into a sandbox rather than copied, never listed or written. */
export const linkedDirName = 'node_modules';

/** Caches test runners write inside a project; copying them is wasted work and they are never edits. */
export const cacheDirs: ReadonlySet<string> = new Set(['__pycache__', '.pytest_cache']);

/** `rel` with backslashes and leading `./` removed, as a POSIX path. */
export function toPosixRelative(rel: string): string {
  return rel.replaceAll('\\', '/').replace(/^(\.\/)+/, '');
}

/**
 * The absolute path of `rel` inside `root`. Callers validate paths with `checkEditPath` first, so a path
 * that escapes here is a bug, not user input.
 */
export function resolveInside(root: string, rel: string): string {
  const absolute = resolve(root, toPosixRelative(rel));
  const fromRoot = relative(root, absolute);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    throw new WorkspaceError(`path '${rel}' does not name a file inside ${root}`);
  }
  return absolute;
}

export { isWithin } from '../isolation/paths.js';
