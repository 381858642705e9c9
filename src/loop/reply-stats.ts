import type { Attempt } from './types.js';

/** How well a denoiser's replies could be used, over a run. */
export interface ReplyStats {
  /** Proposals received (format retries included). */
  readonly replies: number;
  /** Replies that parsed into edits. */
  readonly wellFormed: number;
  /** Well-formed replies whose edits did not apply (no match, ambiguous, outside the scope, broken syntax). */
  readonly failedToApply: number;
  /** Replies refused for eliding code (`// ... rest unchanged`). */
  readonly lazy: number;
  /** Steps whose first reply applied. */
  readonly appliedFirstTry: number;
  readonly steps: number;
}

/** Counts reply quality from the run's attempts. Pure. */
export function replyStats(attempts: readonly Attempt[]): ReplyStats {
  const replies = attempts.filter((a) => a.outcome !== 'error');
  const applied = (a: Attempt) => a.outcome !== 'malformed' && a.outcome !== 'refused' && a.outcome !== 'error';
  const firsts = attempts.filter((a) => a.retry === 0 && a.outcome !== 'error');
  return {
    replies: replies.length,
    wellFormed: replies.filter((a) => a.outcome !== 'malformed').length,
    failedToApply: replies.filter((a) => a.outcome === 'refused').length,
    lazy: replies.filter((a) => a.problem === 'lazy').length,
    appliedFirstTry: firsts.filter(applied).length,
    steps: firsts.length,
  };
}
