import type { Attempt } from '../../core/attempts.js';
import type { FileChange } from '../../core/file-change.js';
import type { Denoiser } from '../../core/denoiser.js';
import type { RunReporter } from '../../core/events.js';
import type { RunResult } from '../../core/run-result.js';
import type { TestRunner } from '../../core/test-runner.js';
import { replyStats } from '../reply-stats.js';
import type { LoopOptions, SandboxFiles } from '../run-context.js';
import { runLoop } from '../run-loop.js';
import { createBeam } from './beam.js';
import { createChainReporter } from './chain-reporter.js';
import { runLimited } from './limit.js';
import type { ChainEnd } from './select-chain.js';
import { selectChain } from './select-chain.js';
import { stateHash } from './state-hash.js';

/** The sandbox as the chains see it: the loop's files, what differs from the project, and removal. */
export interface ChainSandbox extends SandboxFiles {
  /** Every file that differs from the project as it was copied. */
  changedFiles(): Promise<FileChange[]>;
  dispose(options?: { readonly keep?: boolean }): Promise<void>;
}

/** A chain's own copy of the project and the parts that keep per-run state. */
export interface ChainSeat<S extends ChainSandbox = ChainSandbox> {
  readonly sandbox: S;
  readonly runner: TestRunner;
  readonly denoiser: Denoiser;
  readonly seed?: number;
  /** Releases the chain's runner and denoiser (not its sandbox). */
  close(): Promise<void>;
}

export interface RunChainsOptions<S extends ChainSandbox> {
  readonly runId: string;
  readonly chains: number;
  readonly concurrency: number;
  readonly reporter: Required<RunReporter>;
  readonly options: LoopOptions;
  readonly isTestFile: (file: string) => boolean;
  readonly signal?: AbortSignal;
  /** Synchronise the chains after each step and keep the best `beam` states (see beam.ts); all chains must run at once. */
  readonly beam?: number;
  /** The run's seed: chain i gets `seed + i − 1`, also when it never starts. */
  readonly seed?: number;
  /** Opens chain `chain` (1-based): its sandbox, runner and denoiser. */
  readonly open: (chain: number) => Promise<ChainSeat<S>>;
}

export interface ChainsRun<S extends ChainSandbox> {
  /** The kept chain's result, with every chain's attempts and the chains' summary. */
  readonly result: RunResult;
  /** The kept chain's sandbox; every other one is already removed. */
  readonly sandbox: S;
}

interface ChainRun<S extends ChainSandbox> {
  readonly end: ChainEnd;
  readonly result?: RunResult;
  readonly seat?: ChainSeat<S>;
}

/**
 * Runs independent chains, at most `concurrency` at once, each a whole loop in its own sandbox. The first chain
 * to go green stops the others (and the ones not started yet never start); a chain that reaches a state another
 * chain already holds stops as a duplicate. Then one chain is kept (see select-chain.ts).
 */
export async function runChains<S extends ChainSandbox>(o: RunChainsOptions<S>): Promise<ChainsRun<S>> {
  const started = Date.now();
  const controllers = Array.from({ length: o.chains }, () => new AbortController());
  const stopAll = (except?: number) => controllers.forEach((c, i) => i + 1 !== except && c.abort());
  const onParentAbort = () => stopAll();
  o.signal?.addEventListener('abort', onParentAbort, { once: true });
  if (o.signal?.aborted === true) stopAll();
  const owners = new Map<string, number>();
  let greenChain: number | undefined;
  const runs: ChainRun<S>[] = [];
  if (o.beam !== undefined && o.concurrency < o.chains) throw new Error('a beam needs every chain running at once');
  const beam = o.beam === undefined ? undefined : createBeam({ chains: o.chains, width: o.beam, onRound: async (round) => o.reporter.onBeam(round) });
  const task = (chain: number) => async (): Promise<ChainRun<S>> => {
    try {
      return await chainTask(chain);
    } finally {
      beam?.leave(chain);
    }
  };
  const chainTask = async (chain: number): Promise<ChainRun<S>> => {
    const seed = o.seed === undefined ? undefined : o.seed + chain - 1;
    if (greenChain !== undefined) return { end: idle(chain, seed, true) };
    // The time budget is the run's: a chain that waited for its turn gets what is left of it.
    const budget = o.options.budgetSeconds;
    const left = budget === undefined ? undefined : budget - (Date.now() - started) / 1000;
    if (left !== undefined && left <= 0) return { end: idle(chain, seed, false) };
    const seat = await o.open(chain);
    const chainRun: { end: ChainEnd; result?: RunResult; seat: ChainSeat<S> } = { end: idle(chain, seat.seed, false), seat };
    runs.push(chainRun);
    let duplicate = false;
    let greenAt: number | undefined;
    const onAttempt = async (attempt: Attempt) => {
      if (attempt.outcome !== 'improved' && attempt.outcome !== 'green') return;
      if (attempt.outcome === 'green' && greenChain === undefined) {
        greenChain = chain;
        greenAt = Date.now() - started;
        stopAll(chain);
        return;
      }
      // In a beam, equal states are merged at the next synchronised step rather than stopped.
      if (beam !== undefined) return;
      const hash = stateHash(await seat.sandbox.changedFiles());
      const owner = owners.get(hash);
      if (owner !== undefined && owner !== chain) {
        duplicate = true;
        controllers[chain - 1]?.abort();
      } else owners.set(hash, chain);
    };
    const result = await runLoop({
      runId: o.runId,
      sandbox: seat.sandbox,
      runner: seat.runner,
      denoiser: seat.denoiser,
      reporter: createChainReporter(chain, o.reporter, onAttempt),
      isTestFile: o.isTestFile,
      signal: controllers[chain - 1]?.signal,
      ...(beam === undefined
        ? {}
        : { afterStep: async (state) => (controllers[chain - 1]?.signal.aborted === true ? undefined : beam.afterStep(chain, seat.sandbox, state)) }),
      options: left === undefined ? o.options : { ...o.options, budgetSeconds: left },
    });
    chainRun.result = result;
    chainRun.end = {
      chain,
      ...(seat.seed === undefined ? {} : { seed: seat.seed }),
      steps: result.attempts.filter((a) => a.retry === 0).length,
      bestReward: Math.max(0, ...result.attempts.filter((a) => a.outcome === 'improved' || a.outcome === 'green').map((a) => a.reward ?? 0)),
      green: result.status === 'green' || result.status === 'already-green',
      ...(greenAt === undefined ? {} : { greenAt }),
      duplicate,
      stopped: result.stopReason === 'interrupted' && !duplicate,
    };
    return chainRun;
  };
  try {
    const ends = await runLimited(
      Array.from({ length: o.chains }, (_, i) => guarded(task(i + 1), stopAll)),
      o.concurrency,
    );
    const summary = selectChain(ends.map((r) => r.end));
    const kept = ends[summary.kept - 1];
    if (kept?.result === undefined || kept.seat === undefined) throw new Error(`chain ${summary.kept} was kept but never ran`);
    const attempts = ends
      .flatMap((r) => (r.result?.attempts ?? []).map((attempt) => ({ ...attempt, chain: r.end.chain })))
      .sort((a, b) => a.at.localeCompare(b.at));
    const result: RunResult = {
      ...kept.result,
      attempts,
      usage: sumUsage(ends.map((r) => r.result?.usage)),
      replies: replyStats(attempts),
      durationMs: Date.now() - started,
      chains: beam === undefined ? summary : { ...summary, beam: beam.rounds() },
    };
    await Promise.all(runs.filter((r) => r !== kept).map((r) => r.seat?.sandbox.dispose({ keep: false })));
    await o.reporter.onRunEnd(result);
    return { result, sandbox: kept.seat.sandbox };
  } catch (error) {
    await Promise.allSettled(runs.map((r) => r.seat?.sandbox.dispose({ keep: false })));
    throw error;
  } finally {
    o.signal?.removeEventListener('abort', onParentAbort);
    await Promise.allSettled(runs.map((r) => r.seat?.close()));
  }
}

/** A chain that never ran: another went green before its turn (stopped), or the time budget ran out first. */
function idle(chain: number, seed: number | undefined, stopped: boolean): ChainEnd {
  return { chain, ...(seed === undefined ? {} : { seed }), steps: 0, bestReward: 0, green: false, duplicate: false, stopped };
}

/** A chain that fails stops the others, so the run does not wait on work whose result is thrown away. */
function guarded<T>(task: () => Promise<T>, stopAll: () => void): () => Promise<T> {
  return async () => {
    try {
      return await task();
    } catch (error) {
      stopAll();
      throw error;
    }
  };
}

function sumUsage(usages: readonly (RunResult['usage'] | undefined)[]): RunResult['usage'] {
  const total = { promptTokens: 0, completionTokens: 0, cachedTokens: 0 };
  for (const u of usages) {
    if (u === undefined) continue;
    total.promptTokens += u.promptTokens;
    total.completionTokens += u.completionTokens;
    total.cachedTokens += u.cachedTokens ?? 0;
  }
  return total;
}
