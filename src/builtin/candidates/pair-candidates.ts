import { parsesCleanly } from '../../analysis/syntax-check.js';
import type { Candidate } from '../types.js';
import { applyChanges, overlaps } from './text-change.js';

export interface PairCandidatesOptions {
  /** How many of the best singles to combine (default 30: up to 435 pairs). */
  readonly topN?: number;
  /** Cap on pairs returned, best first (default 500). */
  readonly maxPairs?: number;
  /** Id of the first pair (default: one past the largest single id). */
  readonly firstId?: number;
  /** Original texts: when given, pairs whose combined result does not parse are dropped. */
  readonly files?: ReadonlyMap<string, string>;
  /**
   * Singles whose validation says they may be half of a fix (they broke no passing test): they are combined
   * first, and pairs of two of them rank above pairs with one, which rank above the rest.
   */
  readonly preferred?: (single: Candidate) => boolean;
  /** Pairs not to form, e.g. two edits that each make progress alone: the loop can take them one at a time. */
  readonly skip?: (a: Candidate, b: Candidate) => boolean;
}

/** How many singles to combine so that their pairs about fill `pairs` (n singles make n(n-1)/2 pairs). */
export function singlesForPairs(pairs: number): number {
  return Math.max(2, Math.floor((1 + Math.sqrt(1 + 8 * Math.max(0, pairs))) / 2));
}

/**
 * Two-edit candidates, for when no single edit makes the tests pass: the top singles (preferred ones first)
 * combined pairwise when their changes do not overlap. A pair scores the product of its parts, so it ranks
 * below both of them.
 */
export function pairCandidates(singles: readonly Candidate[], options: PairCandidatesOptions = {}): Candidate[] {
  const preferred = options.preferred ?? (() => false);
  const rank = (c: Candidate) => (preferred(c) ? 1 : 0);
  const top = [...singles].sort((a, b) => rank(b) - rank(a) || b.score - a.score).slice(0, options.topN ?? 30);
  const pairs: (Omit<Candidate, 'id'> & { preferred: number })[] = [];
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const a = top[i];
      const b = top[j];
      if (!a || !b || options.skip?.(a, b) === true || a.changes.some((x) => b.changes.some((y) => overlaps(x, y)))) continue;
      const changes = [...a.changes, ...b.changes];
      if (options.files && !parsesAfter(options.files, changes)) continue;
      pairs.push({
        changes,
        operator: `${a.operator}+${b.operator}`,
        description: `${a.description}; ${b.description}`,
        score: a.score * b.score,
        preferred: rank(a) + rank(b),
      });
    }
  }
  const firstId = options.firstId ?? Math.max(0, ...singles.map((s) => s.id)) + 1;
  return pairs
    .sort((a, b) => b.preferred - a.preferred || b.score - a.score)
    .slice(0, options.maxPairs ?? 500)
    .map(({ preferred: _preferred, ...pair }, index) => ({ id: firstId + index, ...pair }));
}

function parsesAfter(files: ReadonlyMap<string, string>, changes: Candidate['changes']): boolean {
  for (const file of new Set(changes.map((c) => c.file))) {
    const text = files.get(file);
    if (
      text === undefined ||
      !parsesCleanly(
        file,
        applyChanges(
          text,
          changes.filter((c) => c.file === file),
        ),
      )
    )
      return false;
  }
  return true;
}
