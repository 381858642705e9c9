import { posix, relative, resolve, sep } from 'node:path';
import type { Workspace } from './find-workspace.js';
import { findWorkspace } from './find-workspace.js';

/** Where a run's sandbox is rooted, and where in it the tests run. */
export interface ProjectLocation {
  /** The directory copied into the sandbox: the workspace root, or the project itself outside a workspace. */
  readonly root: string;
  /** The directory the user named, relative to `root` as a POSIX path; `''` when it is the root. */
  readonly subdir: string;
  /** The workspace, when the project is one or lies in one. */
  readonly workspace?: Workspace;
}

/** Finds the workspace root above `projectDir`, so a package is run inside its whole workspace. */
export async function locateProject(projectDir: string): Promise<ProjectLocation> {
  const dir = resolve(projectDir);
  const workspace = await findWorkspace(dir);
  if (workspace === undefined) return { root: dir, subdir: '' };
  return { root: workspace.root, subdir: relative(workspace.root, dir).split(sep).join('/'), workspace };
}

/**
 * Globs written relative to the directory the user named (`--tests`, `--src`), made relative to the root:
 * `test/**` in `packages/b` is `packages/b/test/**`, and `../a/src/**` is `packages/a/src/**`. Pure.
 */
export function toRootGlobs(subdir: string, globs: readonly string[]): string[] {
  if (subdir === '') return [...globs];
  return globs.map((glob) => {
    const negated = glob.startsWith('!');
    const body = posix.normalize(posix.join(subdir, negated ? glob.slice(1) : glob));
    return negated ? `!${body}` : body;
  });
}
