import type { Proposal } from '../core/attempts.js';
import { normalizePath } from '../edit/normalize-path.js';
import type { DeclarationSource, SourceFile } from './prompt.js';

export interface GuardedProposal {
  readonly proposal: Proposal;
  /** The files the reply tried to edit although the prompt showed only their declarations, with their whole text. */
  readonly shownWhole: readonly SourceFile[];
}

/**
 * Refuses a reply that edits a module the prompt showed as declarations only: its search text or diff
 * context would be quoted from the summary, not the file, and a whole-file reply would replace the code
 * with its declarations. The proposal becomes an unreadable reply whose reason names the files; the caller
 * shows them whole from then on. Pure.
 */
export function guardDeclarationEdits(proposal: Proposal, shown: readonly DeclarationSource[], knownFiles: readonly string[]): GuardedProposal {
  if (proposal.kind !== 'edits' || shown.length === 0) return { proposal, shownWhole: [] };
  const targeted = new Set(proposal.edits.map((edit) => normalizePath(edit.file, knownFiles)));
  const hit = shown.filter((source) => targeted.has(source.path));
  if (hit.length === 0) return { proposal, shownWhole: [] };
  const names = hit.map((source) => source.path).join(', ');
  const reason = `refused: ${names} ${hit.length === 1 ? 'was' : 'were'} shown as declarations only, not ${hit.length === 1 ? 'its' : 'their'} text, so an edit to ${hit.length === 1 ? 'it' : 'them'} cannot be applied; ${hit.length === 1 ? 'its' : 'their'} whole text is shown now`;
  return {
    proposal: { kind: 'malformed', reason, problem: 'invalid', denoiser: proposal.denoiser, ...optional(proposal) },
    shownWhole: hit.map((source) => ({ path: source.path, text: source.wholeText })),
  };
}

function optional(proposal: Extract<Proposal, { kind: 'edits' }>): Pick<Proposal & { kind: 'edits' }, 'format' | 'usage' | 'raw'> {
  return {
    ...(proposal.format === undefined ? {} : { format: proposal.format }),
    ...(proposal.usage === undefined ? {} : { usage: proposal.usage }),
    ...(proposal.raw === undefined ? {} : { raw: proposal.raw }),
  };
}
