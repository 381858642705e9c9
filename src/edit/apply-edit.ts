import type { ApplyResult, Edit } from '../core/edits.js';
import { applyPatch } from './apply-patch.js';
import { applyRewrite } from './apply-rewrite.js';
import { applyUpdate } from './apply-update.js';
import { detectEol, toLf, withEol } from './text-lines.js';

/**
 * Applies one edit to a file's current text (`''` for a file that does not exist yet). Matching is done on
 * LF-normalized text; the result keeps the file's own line endings. Never throws for edits that do not fit:
 * those come back as `no-match` (with the closest lines), `ambiguous` (with every matching line) or `refused`.
 */
export function applyEdit(text: string, edit: Edit): ApplyResult {
  const eol = detectEol(text);
  const lf = toLf(text);
  const result = applyLf(lf, edit);
  return result.status === 'applied' ? { ...result, text: withEol(result.text, eol) } : result;
}

function applyLf(text: string, edit: Edit): ApplyResult {
  switch (edit.kind) {
    case 'update':
      return applyUpdate(text, toLf(edit.oldText), toLf(edit.newText), edit.file);
    case 'patch':
      return applyPatch(text, toLf(edit.diff), edit.file);
    case 'rewrite':
      return applyRewrite(text, toLf(edit.content));
  }
}
