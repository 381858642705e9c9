import { checkEditPath } from '../workspace/path-guard.js';

export type ScopeCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export interface EditScope {
  /** Whether the run may edit this project-relative path, and the normalized path. */
  check(file: string): ScopeCheck;
}

/** The files a run may edit: inside the project, not protected, not a test (unless allowed), within `--src`. */
export function createEditScope(options: {
  readonly isTestFile: (file: string) => boolean;
  readonly allowTestEdits: boolean;
  readonly srcGlobs?: readonly string[];
}): EditScope {
  const guard = { allowTestEdits: options.allowTestEdits, isTestFile: options.isTestFile, ...(options.srcGlobs ? { src: options.srcGlobs } : {}) };
  return { check: (file) => checkEditPath(file, guard) };
}
