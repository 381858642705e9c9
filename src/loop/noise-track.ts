import type { Attempt } from '../core/attempts.js';
import type { NoiseThresholds } from '../core/noise.js';
import type { TestReport } from '../core/test-report.js';
import { changedLines, reward } from './reward.js';
import type { LoopOptions } from './run-context.js';
import { roundNoise } from './schedule.js';
import type { NoiseClock, StallOptions } from './stall.js';
import { advanceClock, clockNoise, startClock } from './stall.js';

/** A step's noise, as the policy, the denoiser, the reporters and the attempt record take it. */
export interface StepNoise {
  /** σ ∈ [0,1], absent without a schedule. */
  readonly noise?: number;
  /** The schedule restarted at a higher level before this step (a stall). */
  readonly restarted?: boolean;
  readonly thresholds?: NoiseThresholds;
}

/** The noise and reward side of one run: the pure schedule, reward and stall functions with the state they need. */
export interface NoiseTrack {
  /** The next step's noise; `{}` without a schedule. */
  step(): StepNoise;
  /** The reward of an attempt that started from `parent` and, when its tests ran, ended at `tested`. */
  rate(parent: TestReport, tested: TestReport | undefined, record: Pick<Attempt, 'diff' | 'typecheck'>, kept: boolean): number;
  /** Ends a step: the schedule moves on, or restarts when the best reward has stalled. */
  endStep(): void;
  /** Stall restarts so far; undefined without a schedule. */
  restarts(): number | undefined;
}

/** The track of a run whose starting state is `baseline`. */
export function createNoiseTrack(options: LoopOptions, baseline: TestReport): NoiseTrack {
  const stall = stallOptions(options);
  let clock: NoiseClock = startClock(reward({ parent: baseline, candidate: baseline }));
  let restarted = false;
  let restarts = 0;
  let stateReward = clock.best;
  let current: StepNoise = {};
  return {
    step() {
      if (stall === undefined) return {};
      current = {
        noise: roundNoise(clockNoise(clock, stall)),
        ...(restarted ? { restarted } : {}),
        ...(stall.thresholds === undefined ? {} : { thresholds: stall.thresholds }),
      };
      stateReward = clock.best;
      return current;
    },
    rate(parent, tested, record, kept) {
      const rated = reward({
        parent,
        candidate: tested ?? parent,
        typeErrors: record.typecheck?.introduced.length ?? 0,
        changedLines: changedLines(record.diff),
      });
      if (kept) stateReward = rated;
      return rated;
    },
    endStep() {
      if (stall === undefined || current.noise === undefined) return;
      const advanced = advanceClock(clock, { noise: current.noise, reward: stateReward }, stall);
      clock = advanced.clock;
      restarted = advanced.restarted;
      if (restarted) restarts++;
    },
    restarts: () => (stall === undefined ? undefined : restarts),
  };
}

function stallOptions(options: LoopOptions): StallOptions | undefined {
  const { schedule, maxSteps, stallSteps, noiseThresholds } = options;
  if (schedule === undefined) return undefined;
  return { schedule, maxSteps, ...(stallSteps === undefined ? {} : { stallSteps }), ...(noiseThresholds === undefined ? {} : { thresholds: noiseThresholds }) };
}
