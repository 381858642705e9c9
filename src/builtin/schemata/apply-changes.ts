import { applyChanges } from '../candidates/text-change.js';
import type { Candidate, TextChange } from '../types.js';

export type ApplyChangesResult = { readonly status: 'applied'; readonly files: Map<string, string> } | { readonly status: 'invalid'; readonly message: string };

/** True when two ranges share at least one character, or both are the same empty range. */
export function rangesOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === b.start && a.end === b.end) return true;
  return a.start < b.end && b.start < a.end;
}

/**
 * The texts of the files a candidate touches with its changes applied directly: what a spawn-per-candidate
 * run writes, and what a schema must behave like when the candidate is active.
 */
export function applyCandidate(files: ReadonlyMap<string, string>, candidate: Candidate): ApplyChangesResult {
  const byFile = new Map<string, TextChange[]>();
  for (const change of candidate.changes) byFile.set(change.file, [...(byFile.get(change.file) ?? []), change]);
  const result = new Map<string, string>();
  for (const [file, changes] of byFile) {
    const text = files.get(file);
    if (text === undefined) return { status: 'invalid', message: `candidate ${candidate.id} changes ${file}, which is not among the given files` };
    for (const change of changes) {
      if (change.start < 0 || change.end < change.start || change.end > text.length) {
        return { status: 'invalid', message: `candidate ${candidate.id} has a change outside ${file} (${change.start}–${change.end} of ${text.length})` };
      }
    }
    const overlapping = changes.some((a, i) => changes.some((b, j) => i < j && rangesOverlap(a, b)));
    if (overlapping) return { status: 'invalid', message: `candidate ${candidate.id} has overlapping changes in ${file}` };
    result.set(file, applyChanges(text, changes));
  }
  return { status: 'applied', files: result };
}
