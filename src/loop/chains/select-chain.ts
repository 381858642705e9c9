import type { ChainOutcome, ChainSummary, ChainsSummary } from '../../core/run-result.js';

/** What the selection needs to know of a finished chain. */
export interface ChainEnd {
  /** 1-based. */
  readonly chain: number;
  readonly seed?: number;
  readonly steps: number;
  /** The reward of the chain's best state; 0 when it kept nothing. */
  readonly bestReward: number;
  /** Whether the chain's state is green. */
  readonly green: boolean;
  /** When the chain went green (ms since the run started), to tell which green came first. */
  readonly greenAt?: number;
  /** The chain stopped because another one already held the state it reached. */
  readonly duplicate: boolean;
  /** The chain was stopped because another went green. */
  readonly stopped: boolean;
}

/**
 * Which chain's state the user reviews: the first to go green; else the highest best-state reward; ties go to
 * the lower chain number (the seed the user gave). A duplicate is never kept: the chain it duplicated holds the
 * same state. Pure.
 */
export function selectChain(ends: readonly ChainEnd[]): ChainsSummary {
  if (ends.length === 0) throw new Error('selectChain needs at least one chain');
  const greens = ends.filter((e) => e.green && !e.duplicate).sort((a, b) => (a.greenAt ?? 0) - (b.greenAt ?? 0) || a.chain - b.chain);
  const winner = greens[0];
  const kept = winner ?? bestByReward(ends);
  const reason =
    winner !== undefined
      ? 'first chain to go green'
      : kept.bestReward > Math.max(-Infinity, ...ends.filter((e) => e !== kept && !e.duplicate).map((e) => e.bestReward))
        ? `highest reward (${kept.bestReward}), none went green`
        : `highest reward (${kept.bestReward}), tied: lowest chain number`;
  return { kept: kept.chain, reason, chains: ends.map((e) => summary(e, kept.chain)) };
}

function bestByReward(ends: readonly ChainEnd[]): ChainEnd {
  const candidates = ends.filter((e) => !e.duplicate);
  const pool = candidates.length > 0 ? candidates : ends;
  return pool.reduce((best, e) => (e.bestReward > best.bestReward || (e.bestReward === best.bestReward && e.chain < best.chain) ? e : best));
}

function summary(end: ChainEnd, kept: number): ChainSummary {
  const outcome: ChainOutcome = end.duplicate ? 'duplicate' : end.green && end.chain === kept ? 'green' : end.stopped ? 'stopped' : 'red';
  return { chain: end.chain, ...(end.seed === undefined ? {} : { seed: end.seed }), steps: end.steps, bestReward: end.bestReward, outcome };
}
