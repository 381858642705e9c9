import type { Proposal } from '../core/attempts.js';
import type { Edit } from '../core/edits.js';
import { normalizePath } from '../edit/normalize-path.js';
import type { DeclarationSource, SourceFile } from './prompt.js';

export interface GuardedProposal {
  readonly proposal: Proposal;
  /** The files the reply tried to edit although the prompt showed only their declarations, with their whole text. */
  readonly shownWhole: readonly SourceFile[];
}

/**
 * Refuses a reply that edits a module the prompt showed as declarations only, unless the edit quotes that
 * module's real text: a search text or diff context copied from the summary would otherwise be matched
 * against the file and fail with a puzzling "not found", and a whole-file reply would replace code the model
 * never saw. (A search text the file does hold, from an earlier view or a guess, is matched as usual.) The
 * proposal becomes an unreadable reply whose reason names the files; the caller shows them whole from then
 * on. Pure.
 */
export function guardDeclarationEdits(proposal: Proposal, shown: readonly DeclarationSource[], knownFiles: readonly string[]): GuardedProposal {
  if (proposal.kind !== 'edits' || shown.length === 0) return { proposal, shownWhole: [] };
  const unseen = proposal.edits.filter((edit) => {
    const source = shown.find((candidate) => candidate.path === normalizePath(edit.file, knownFiles));
    return source !== undefined && !quotesRealText(edit, source.wholeText);
  });
  const targeted = new Set(unseen.map((edit) => normalizePath(edit.file, knownFiles)));
  const hit = shown.filter((source) => targeted.has(source.path));
  if (hit.length === 0) return { proposal, shownWhole: [] };
  const names = hit.map((source) => source.path).join(', ');
  const [be, its, it] = hit.length === 1 ? ['was', 'its', 'it'] : ['were', 'their', 'them'];
  const reason = `refused: ${names} ${be} shown as declarations only, not ${its} text, so an edit to ${it} cannot be applied; ${its} whole text is shown now`;
  return {
    proposal: { kind: 'malformed', reason, problem: 'invalid', denoiser: proposal.denoiser, ...optional(proposal) },
    shownWhole: hit.map((source) => ({ path: source.path, text: source.wholeText })),
  };
}

/** Whether an edit quotes only text the file really holds (a rewrite quotes nothing, so it never does). */
function quotesRealText(edit: Edit, text: string): boolean {
  if (edit.kind === 'rewrite') return false;
  if (edit.kind === 'update') return edit.oldText.trim() !== '' && text.includes(edit.oldText.trim());
  const quoted = edit.diff
    .split('\n')
    .filter((line) => /^[ -](?!--)/.test(line))
    .map((line) => line.slice(1).trim())
    .filter((line) => line !== '');
  return quoted.length > 0 && quoted.every((line) => text.includes(line));
}

function optional(proposal: Extract<Proposal, { kind: 'edits' }>): Pick<Extract<Proposal, { kind: 'edits' }>, 'format' | 'usage' | 'raw'> {
  return {
    ...(proposal.format === undefined ? {} : { format: proposal.format }),
    ...(proposal.usage === undefined ? {} : { usage: proposal.usage }),
    ...(proposal.raw === undefined ? {} : { raw: proposal.raw }),
  };
}
