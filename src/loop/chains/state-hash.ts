import { createHash } from 'node:crypto';
import type { FileChange } from '../../core/file-change.js';

/**
 * A hash of a state: the changed files' texts, sorted by path, so two chains that reach the same code have the
 * same hash whatever order they changed it in. Files whose text equals the original are left out. Pure.
 */
export function stateHash(changes: readonly Pick<FileChange, 'file' | 'before' | 'after'>[]): string {
  const hash = createHash('sha256');
  for (const change of [...changes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (change.before === change.after) continue;
    hash.update(`${change.file}\0${change.after ?? '\u0000deleted'}\0`);
  }
  return hash.digest('hex');
}
