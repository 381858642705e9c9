import { posix } from 'node:path';
import type { FileChange } from '../core/file-change.js';
import { manifestChanges } from './manifest-changes.js';
import { protectionOf } from './protected-files.js';

/** A change the user allowed with `--allow-edit` that runs code or changes dependencies: called out before approval. */
export interface SensitiveEdit {
  readonly file: string;
  /** What the change does: `changes scripts.postinstall`, `configures the package manager`. */
  readonly message: string;
}

/** The changes among `changes` that run code or change dependencies, one entry per file. */
export function findSensitiveEdits(changes: readonly FileChange[]): SensitiveEdit[] {
  const found: SensitiveEdit[] = [];
  for (const change of changes) {
    if (change.before === change.after) continue;
    const protection = protectionOf(change.file);
    if (protection?.kind === 'runs-code') {
      found.push({ file: change.file, message: protection.what });
      continue;
    }
    if (posix.basename(change.file) !== 'package.json') continue;
    const fields = manifestChanges(change.before, change.after)
      .filter((c) => c.kind === 'runs-code')
      .map((c) => c.field);
    if (fields.length > 0) found.push({ file: change.file, message: `changes ${fields.join(', ')}` });
  }
  return found;
}
