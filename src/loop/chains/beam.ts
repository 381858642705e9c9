import type { FileChange } from '../../core/file-change.js';
import type { BeamRound } from '../../core/run-result.js';
import { scoreReport } from '../../core/attempts.js';
import { unifiedDiff } from '../../workspace/run-files.js';
import { changedLines, reward } from '../reward.js';
import type { StepReplacement, StepState } from '../run-context.js';
import type { BeamState } from './beam-assign.js';
import { assignBeam } from './beam-assign.js';
import type { ChainSandbox } from './run-chains.js';
import { stateHash } from './state-hash.js';

/** The barrier between the chains of a beam: each step, every running chain waits for the others. */
export interface Beam {
  /** Chain `chain`'s `afterStep` hook: waits for every running chain, then returns the state it moves to, if it moves. */
  afterStep(chain: number, sandbox: ChainSandbox, state: StepState): Promise<StepReplacement | undefined>;
  /** Chain `chain` runs no more steps (it ended, was stopped, or never started): the others no longer wait for it. */
  leave(chain: number): void;
  /** Every synchronised step so far. */
  rounds(): readonly BeamRound[];
}

interface Arrival {
  readonly sandbox: ChainSandbox;
  readonly state: StepState;
  readonly ranked: BeamState;
  readonly settle: (outcome: { replacement?: StepReplacement; error?: unknown }) => void;
}

/** A beam of `width` over chains 1…`chains`; `onRound` hears each step's decision before any chain moves on. */
export function createBeam(o: { chains: number; width: number; onRound: (round: BeamRound) => Promise<void> }): Beam {
  const running = new Set(Array.from({ length: o.chains }, (_, i) => i + 1));
  const waiting = new Map<number, Arrival>();
  const rounds: BeamRound[] = [];
  // A chain went green: the run is ending, and the chains still stepping only wait to be stopped.
  let greenSeen = false;

  const release = async () => {
    if (waiting.size === 0 || [...running].some((chain) => !waiting.has(chain))) return;
    const arrivals = new Map(waiting);
    waiting.clear();
    // One chain left has nothing to compare with: it goes on as it is.
    if (arrivals.size === 1 || greenSeen) return arrivals.forEach((a) => a.settle({}));
    try {
      const step = Math.max(...[...arrivals.values()].map((a) => a.state.step));
      const round = assignBeam(
        [...arrivals.values()].map((a) => a.ranked),
        o.width,
        step,
      );
      rounds.push(round);
      await o.onRound(round);
      const moved = new Map<number, StepReplacement>();
      for (const move of round.moves) {
        const to = arrivals.get(move.chain);
        const from = arrivals.get(move.from);
        if (to === undefined || from === undefined) continue;
        await copyState(from.sandbox, to.sandbox);
        moved.set(move.chain, { best: from.state.best, changes: from.state.changes });
      }
      arrivals.forEach((a, chain) => a.settle(moved.has(chain) ? { replacement: moved.get(chain) } : {}));
    } catch (error) {
      arrivals.forEach((a) => a.settle({ error }));
    }
  };

  return {
    async afterStep(chain, sandbox, state) {
      const score = scoreReport(state.best);
      const green = score.total > 0 && score.failed === 0;
      // A green chain ends the run; the others are stopped and leave.
      if (green && !greenSeen) {
        greenSeen = true;
        waiting.forEach((a) => a.settle({}));
        waiting.clear();
      }
      if (greenSeen || !running.has(chain)) return undefined;
      const hash = stateHash(await sandbox.changedFiles());
      const rewarded = reward({ parent: state.baseline, candidate: state.best, changedLines: changedLines(unifiedDiff(state.changes)) });
      // Checked again: a chain may have gone green or this one left while the files were read.
      if (greenSeen || !running.has(chain)) return undefined;
      const outcome = await new Promise<{ replacement?: StepReplacement; error?: unknown }>((settle) => {
        waiting.set(chain, { sandbox, state, ranked: { chain, reward: rewarded, green, hash }, settle });
        void release();
      });
      if (outcome.error !== undefined) throw outcome.error;
      return outcome.replacement;
    },
    leave(chain) {
      running.delete(chain);
      waiting.get(chain)?.settle({});
      waiting.delete(chain);
      void release();
    },
    rounds: () => rounds,
  };
}

/** Makes `to` hold what `from` holds: its own changes undone, then `from`'s changes written. */
async function copyState(from: ChainSandbox, to: ChainSandbox): Promise<void> {
  const write = (change: FileChange, text: string | undefined) => (text === undefined ? to.deleteFile(change.file) : to.writeFile(change.file, text));
  for (const change of await to.changedFiles()) await write(change, change.before);
  for (const change of await from.changedFiles()) await write(change, change.after);
}
