import type { BeamRound } from '../../core/run-result.js';

/** A running chain's state after a step, as the beam compares it. */
export interface BeamState {
  /** 1-based. */
  readonly chain: number;
  readonly reward: number;
  readonly green: boolean;
  /** Identifies the state's files (see state-hash.ts): equal hashes are one state. */
  readonly hash: string;
}

/**
 * Which states a beam of `width` keeps and which chain continues from which. Pure. States rank green first,
 * then by reward, ties to the lower chain number; a state equal to a better-ranked one is merged into it (its
 * chain is not kept). The best `width` distinct states are kept; every other chain restarts from a kept
 * state, the losers in chain order dealt out round-robin over the kept states, best first, so they spread evenly.
 */
export function assignBeam(states: readonly BeamState[], width: number, step: number): BeamRound {
  if (!Number.isInteger(width) || width < 1) throw new Error(`a beam needs a width of at least 1, got ${width}`);
  const ranked = [...states].sort((a, b) => Number(b.green) - Number(a.green) || b.reward - a.reward || a.chain - b.chain);
  const seen = new Set<string>();
  const kept: BeamState[] = [];
  for (const state of ranked) {
    if (kept.length === width) break;
    if (seen.has(state.hash)) continue;
    seen.add(state.hash);
    kept.push(state);
  }
  const keptChains = new Set(kept.map((s) => s.chain));
  const losers = states.filter((s) => !keptChains.has(s.chain)).sort((a, b) => a.chain - b.chain);
  const moves = losers.flatMap((loser, i) => {
    const from = kept[i % kept.length];
    return from === undefined ? [] : [{ chain: loser.chain, from: from.chain }];
  });
  return { step, kept: kept.map((s) => ({ chain: s.chain, reward: s.reward })), moves };
}
