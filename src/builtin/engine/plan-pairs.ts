import { pairCandidates, singlesForPairs } from '../candidates/pair-candidates.js';
import type { Candidate } from '../types.js';

/** Most singles combined into pairs (1,770 pairs), however fast validation is. */
const maxPairedSingles = 60;

export interface PlanPairsOptions {
  readonly files: ReadonlyMap<string, string>;
  /** Validated candidates per millisecond so far (the singles' pace). */
  readonly perMs: number;
  /** Milliseconds left for the search. */
  readonly remainingMs: number;
  /** Singles that broke no passing test: combined first. */
  readonly harmless: ReadonlySet<number>;
  /** Singles that made partial progress: two of them are not paired (the loop takes them one at a time). */
  readonly partial: ReadonlySet<number>;
}

/**
 * The pairs the search validates after its singles: as many as the time left can validate at the singles'
 * pace (at least the top 30's), or half of that when partial progress is in hand, so that the loop still gets
 * the partial candidate in time. Pure.
 */
export function planPairs(singles: readonly Candidate[], options: PlanPairsOptions): Candidate[] {
  const share = options.partial.size > 0 ? 0.5 : 1;
  const affordable = Math.floor(options.perMs * share * Math.max(0, options.remainingMs));
  return pairCandidates(singles, {
    firstId: singles.reduce((max, c) => Math.max(max, c.id), 0) + 1,
    files: options.files,
    topN: Math.min(maxPairedSingles, Math.max(30, singlesForPairs(affordable))),
    maxPairs: share < 1 ? affordable : Math.max(500, affordable),
    preferred: (single) => options.harmless.has(single.id),
    // Two edits that each fix tests alone are independent fixes, not a coordinated one.
    skip: (a, b) => options.partial.has(a.id) && options.partial.has(b.id),
  });
}
