import { posix } from 'node:path';
import { checkEditPath } from '../workspace/path-guard.js';
import { manifestChanges } from './manifest-changes.js';
import type { ProtectionKind } from './protected-files.js';
import { createAllowEdit, protectedRefusal, protectionOf } from './protected-files.js';
import { findVerdictGaming } from './verdict-gaming.js';

export type ScopeCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export interface EditScope {
  /** Whether the run may edit this project-relative path, and the normalized path. */
  check(file: string): ScopeCheck;
  /**
   * Why the new text of a file the scope allows may not be kept (empty when it may): a package.json change to
   * scripts or dependencies, code that games the verdict. `before` is undefined for a new file.
   */
  review(file: string, before: string | undefined, after: string): string[];
}

export interface EditScopeOptions {
  readonly isTestFile: (file: string) => boolean;
  readonly allowTestEdits: boolean;
  readonly srcGlobs?: readonly string[];
  /** `--allow-edit` globs, root-relative: files that run code or change dependencies the user lets the run edit. */
  readonly allowEdit?: readonly string[];
  /** The directory `--allow-edit` globs were written relative to, root-relative: refusals name paths from there. */
  readonly packageDir?: string;
}

/**
 * The files a run may edit: inside the project, not protected, not a test or test data (unless allowed), not a
 * file that runs code (unless named by `--allow-edit`), within `--src`.
 */
export function createEditScope(options: EditScopeOptions): EditScope {
  const guard = { allowTestEdits: options.allowTestEdits, isTestFile: options.isTestFile, ...(options.srcGlobs ? { src: options.srcGlobs } : {}) };
  const allowEdit = createAllowEdit(options.allowEdit ?? []);
  const allows = (kind: ProtectionKind, path: string) => allowEdit(path) || (kind === 'test-data' && options.allowTestEdits);
  const asTyped = (path: string) => (options.packageDir ? posix.relative(options.packageDir, path) : path);
  return {
    check(file) {
      const checked = checkEditPath(file, guard);
      if (!checked.ok) return checked;
      const protection = protectionOf(checked.path);
      if (protection !== undefined && !allows(protection.kind, checked.path))
        return { ok: false, reason: protectedRefusal(checked.path, protection, asTyped(checked.path)) };
      return checked;
    },
    review(file, before, after) {
      const reasons: string[] = [];
      if (posix.basename(file) === 'package.json') {
        const refused = manifestChanges(before, after).filter((change) => !allows(change.kind, file));
        for (const kind of ['runs-code', 'test-data'] as const) {
          const fields = refused.filter((change) => change.kind === kind).map((change) => change.field);
          if (fields.length > 0) reasons.push(manifestRefusal(file, kind, fields, asTyped(file)));
        }
      }
      // Tests and their helpers reach here only with --allow-test-edits: the user has handed over the specification.
      const specification = options.isTestFile(file) || protectionOf(file)?.kind === 'test-data';
      if (!specification) reasons.push(...findVerdictGaming(file, before, after));
      return reasons;
    },
  };
}

function manifestRefusal(file: string, kind: ProtectionKind, fields: readonly string[], typed: string): string {
  const what = kind === 'runs-code' ? 'which runs code or changes dependencies' : 'which configures how the tests run';
  const flag = kind === 'runs-code' ? `--allow-edit ${typed}` : '--allow-test-edits';
  return `refusing to edit ${file}: it changes ${fields.join(', ')}, ${what}; allow it with ${flag}`;
}
