import type { Edit } from '../../core/edits.js';
import { applyEdit } from '../../edit/apply-edit.js';
import { applyCandidate } from '../schemata/apply-changes.js';
import type { Candidate, TextChange } from '../types.js';

/**
 * A candidate as the edits a reviewer reads: per file, one `update` (search/replace) per group of changed
 * lines, each quoting whole lines and as many neighbouring lines as make its search text occur once. A file
 * whose updates would not reproduce the candidate's text exactly (a search text the earlier replacement
 * repeats) falls back to one `rewrite`. Empty when the candidate does not apply. Pure.
 */
export function candidateEdits(files: ReadonlyMap<string, string>, candidate: Candidate): Edit[] {
  const applied = applyCandidate(files, candidate);
  if (applied.status !== 'applied') return [];
  const edits: Edit[] = [];
  for (const [file, target] of applied.files) {
    const original = files.get(file) ?? '';
    const updates = lineUpdates(
      file,
      original,
      candidate.changes.filter((c) => c.file === file),
    );
    edits.push(...(reproduces(original, updates, target) ? updates : [{ kind: 'rewrite' as const, file, content: target }]));
  }
  return edits;
}

interface Hunk {
  start: number;
  end: number;
  changes: TextChange[];
}

function lineUpdates(file: string, text: string, changes: readonly TextChange[]): Edit[] {
  const hunks: Hunk[] = [];
  for (const change of [...changes].sort((a, b) => a.start - b.start)) {
    const start = text.lastIndexOf('\n', change.start - 1) + 1;
    const newline = text.indexOf('\n', change.end);
    const end = newline === -1 ? text.length : newline;
    const last = hunks.at(-1);
    // Changes on the same or adjacent lines read best as one replacement.
    if (last && start <= last.end + 1) {
      last.end = Math.max(last.end, end);
      last.changes.push(change);
    } else hunks.push({ start, end, changes: [change] });
  }
  return hunks.map((hunk) => {
    let { start, end } = hunk;
    while (count(text, text.slice(start, end)) > 1 && (start > 0 || end < text.length)) {
      if (start > 0) start = text.lastIndexOf('\n', start - 2) + 1;
      if (end < text.length) end = text.indexOf('\n', end + 1) === -1 ? text.length : text.indexOf('\n', end + 1);
    }
    let newText = text.slice(start, end);
    for (const change of [...hunk.changes].sort((a, b) => b.start - a.start)) {
      newText = newText.slice(0, change.start - start) + change.text + newText.slice(change.end - start);
    }
    return { kind: 'update' as const, file, oldText: text.slice(start, end), newText };
  });
}

function count(text: string, needle: string): number {
  let found = 0;
  for (let at = text.indexOf(needle); at !== -1 && found < 2; at = text.indexOf(needle, at + 1)) found += 1;
  return found;
}

function reproduces(original: string, updates: readonly Edit[], target: string): boolean {
  let text = original;
  for (const update of updates) {
    const result = applyEdit(text, update);
    if (result.status !== 'applied') return false;
    text = result.text;
  }
  return text === target;
}
