import { applyEdit } from '../edit/apply-edit.js';
import { checkSyntax } from '../analysis/syntax-check.js';
import type { Edit } from '../core/edits.js';
import type { EditScope } from './edit-scope.js';
import type { SandboxFiles } from './run-context.js';
import type { FileChange } from '../core/file-change.js';

export type ApplyOutcome =
  | { readonly status: 'applied'; readonly changes: readonly FileChange[]; readonly notes: readonly string[] }
  | { readonly status: 'refused'; readonly feedback: readonly string[] };

/**
 * Applies a proposal's edits all-or-nothing: every edit is checked (scope, match, syntax, then what the new
 * text does: see `EditScope.review`) against the texts in memory first, and the sandbox is written only when
 * all of them pass. One refused edit refuses the whole reply, so the denoiser must send a clean one.
 */
export async function applyProposal(sandbox: SandboxFiles, scope: EditScope, edits: readonly Edit[]): Promise<ApplyOutcome> {
  const pending = new Map<string, { before: string | undefined; after: string }>();
  const feedback: string[] = [];
  const notes: string[] = [];
  for (const edit of edits) {
    const checked = scope.check(edit.file);
    if (!checked.ok) {
      feedback.push(checked.reason);
      continue;
    }
    const file = checked.path;
    const unwritable = await sandbox.checkWrite?.(file);
    if (unwritable !== undefined) {
      feedback.push(unwritable);
      continue;
    }
    const before = pending.has(file) ? pending.get(file)?.before : await sandbox.readFile(file);
    const current = pending.get(file)?.after ?? before;
    if (current === undefined && edit.kind !== 'rewrite') {
      feedback.push(`refused: ${file} does not exist; to create a file, send its whole content`);
      continue;
    }
    const result = applyEdit(current ?? '', { ...edit, file });
    if (result.status !== 'applied') {
      feedback.push(`${file}: ${result.reason}`);
      continue;
    }
    if (result.note !== undefined) notes.push(`${file}: ${result.note}`);
    pending.set(file, { before, after: result.text });
  }
  for (const [file, { before, after }] of pending) {
    const syntax = checkSyntax(file, after);
    if (!syntax.ok) feedback.push(`refused: the edit breaks the syntax of ${syntax.message}`);
    else feedback.push(...scope.review(file, before, after));
    const unwritable = await sandbox.checkWrite?.(file, after);
    if (unwritable !== undefined) feedback.push(unwritable);
  }
  if (edits.length === 0) feedback.push('the reply contained no edits');
  if (feedback.length > 0) return { status: 'refused', feedback };

  const changes: FileChange[] = [];
  for (const [file, { before, after }] of pending) {
    if (before === after) continue;
    await sandbox.writeFile(file, after);
    changes.push({ file, before, after });
  }
  if (changes.length === 0) return { status: 'refused', feedback: ['the edits changed nothing: the new text equals the old'] };
  return { status: 'applied', changes, notes };
}

/** Undoes applied changes in the sandbox. */
export async function revertChanges(sandbox: SandboxFiles, changes: readonly FileChange[]): Promise<void> {
  for (const change of [...changes].reverse()) {
    if (change.before === undefined) await sandbox.deleteFile(change.file);
    else await sandbox.writeFile(change.file, change.before);
  }
}
