import type { ReplyStats } from '../core/run-result.js';
import type { Attempt } from '../core/attempts.js';

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

export type { ReplyStats };
