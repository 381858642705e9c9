import { isAbsolute, relative } from 'node:path';

/** Words for the file-system error codes a user can act on; others are shown as their code. */
const codeWords: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'is a directory where a file was expected',
  ENOTDIR: 'a path component is not a directory',
  ENOENT: 'no such file or directory',
  ENOTEMPTY: 'directory not empty',
  EEXIST: 'already exists',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

interface FsFailure {
  readonly code: string;
  readonly path?: string;
}

/** The first Node file-system error along `error`'s cause chain, if any. */
export function findFsFailure(error: unknown): FsFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 6; depth++) {
    if ('code' in current && typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code)) {
      const path = 'path' in current && typeof current.path === 'string' ? current.path : undefined;
      return path === undefined ? { code: current.code } : { code: current.code, path };
    }
    current = current.cause;
  }
  return undefined;
}

/** What went wrong in words (`permission denied`), without the path; undefined for a non-file-system error. */
export function describeFsCode(error: unknown): string | undefined {
  const failure = findFsFailure(error);
  return failure === undefined ? undefined : (codeWords[failure.code] ?? failure.code);
}

/**
 * A short description of a file-system failure: `src/a.ts: read-only file system`, the path relative to
 * `root` when it lies inside it. Undefined when `error` holds no file-system error.
 */
export function describeFsFailure(error: unknown, root?: string): string | undefined {
  const failure = findFsFailure(error);
  if (failure === undefined) return undefined;
  const words = codeWords[failure.code] ?? failure.code;
  return failure.path === undefined ? words : `${displayPath(failure.path, root)}: ${words}`;
}

function displayPath(path: string, root: string | undefined): string {
  if (root === undefined) return path;
  const rel = relative(root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
}
