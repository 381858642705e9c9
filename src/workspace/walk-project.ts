import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkspaceError } from '../core/errors.js';
import { describeFsCode } from './fs-failure.js';
import { cacheDirs, excludedDirs, linkedDirName } from './project-paths.js';

/** One entry of a project tree; `rel` is a POSIX path relative to the walked root. */
export interface ProjectEntry {
  readonly rel: string;
  /** `linked-dir` is a `node_modules` directory (or link to one), at any depth: linked, never copied. */
  readonly kind: 'file' | 'dir' | 'symlink' | 'linked-dir';
}

/**
 * Every entry under `root` in a stable order, skipping `.git`, `.redgreen` and runner caches and not
 * descending into `node_modules` or symlinked directories. Sockets, FIFOs and devices are skipped.
 */
export async function* walkProject(root: string, prefix = ''): AsyncGenerator<ProjectEntry> {
  const dir = prefix === '' ? root : join(root, prefix);
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new WorkspaceError(`cannot list ${prefix === '' ? root : prefix} (${describeFsCode(error) ?? 'unknown error'})`, { cause: error });
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (excludedDirs.has(entry.name) || (entry.isDirectory() && cacheDirs.has(entry.name))) continue;
    if (entry.name === linkedDirName && (entry.isDirectory() || entry.isSymbolicLink())) {
      yield { rel, kind: 'linked-dir' };
    } else if (entry.isSymbolicLink()) {
      yield { rel, kind: 'symlink' };
    } else if (entry.isDirectory()) {
      yield { rel, kind: 'dir' };
      yield* walkProject(root, rel);
    } else if (entry.isFile()) {
      yield { rel, kind: 'file' };
    }
  }
}

/** The project-relative paths of the regular files under `root`, sorted. */
export async function listProjectFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of walkProject(root)) {
    if (entry.kind === 'file') files.push(entry.rel);
  }
  return files.sort();
}

/** The real paths of a project's `node_modules` dirs, at any depth: what a sandbox of it links to. */
export async function dependencyDirs(projectDir: string): Promise<string[]> {
  const dirs: string[] = [];
  for await (const entry of walkProject(projectDir)) {
    if (entry.kind !== 'linked-dir') continue;
    const real = await realpath(join(projectDir, entry.rel)).catch(() => undefined);
    if (real !== undefined) dirs.push(real);
  }
  return dirs;
}
