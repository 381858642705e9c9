import type { FlakyTest } from './run-result.js';
import type { Attempt, Score } from './attempts.js';
import type { BeamRound, RunResult, ScaffoldReport } from './run-result.js';
import type { TestReport } from './test-report.js';
import type { EditKind } from './edits.js';
import type { ProgressData } from './denoiser.js';
import type { IsolationMode } from './isolation.js';

export interface RunStartEvent {
  readonly runId: string;
  readonly projectDir: string;
  readonly sandboxDir: string;
  readonly runner: string;
  readonly denoiser: string;
  readonly maxSteps: number;
  /** The boundary the project's code runs in, and why it is weaker than asked, if it is. */
  readonly isolation?: { readonly mode: IsolationMode; readonly fallbackReason?: string };
}

export interface StepStartEvent {
  readonly step: number;
  readonly maxSteps: number;
  readonly suggestedMode: EditKind;
  /** The step's noise level, when the run has a noise schedule. */
  readonly noise?: number;
  /** The best state's reward had not risen for a while: the schedule restarted at a higher noise level. */
  readonly restarted?: boolean;
  /** The chain (1-based) taking the step, when the run has more than one (`--chains`). */
  readonly chain?: number;
}

/** Observer of a run. Every hook is optional; a hook that throws is reported once and never stops the run. */
export interface RunReporter {
  onRunStart?(event: RunStartEvent): void | Promise<void>;
  /** Stubs written before the baseline for what the tests import and the code lacks (before `onBaseline`). */
  onScaffold?(event: ScaffoldReport): void | Promise<void>;
  onBaseline?(event: { readonly report: TestReport; readonly score: Score }): void | Promise<void>;
  /** Tests just found flaky (at the baseline: before `onBaseline`); they are no longer goals of the run. */
  onFlaky?(event: { readonly tests: readonly FlakyTest[] }): void | Promise<void>;
  onStepStart?(event: StepStartEvent): void | Promise<void>;
  onAttempt?(attempt: Attempt): void | Promise<void>;
  /** What a long-running proposal is doing (the built-in engine's candidates tried). */
  onProgress?(event: { readonly step: number; readonly message: string; readonly data?: ProgressData }): void | Promise<void>;
  onRunEnd?(result: RunResult): void | Promise<void>;
  /** With `--beam`: the states a synchronised step kept and the chains that restart from them. */
  onBeam?(round: BeamRound): void | Promise<void>;
}

type Hook = keyof RunReporter;

/** Fans events out to several reporters, isolating each from the others' failures. */
export function combineReporters(reporters: readonly RunReporter[], onError: (hook: Hook, error: unknown) => void = () => {}): Required<RunReporter> {
  const call = (hook: Hook) => async (event: never) => {
    for (const reporter of reporters) {
      const fn = reporter[hook] as ((e: never) => void | Promise<void>) | undefined;
      if (fn === undefined) continue;
      try {
        await fn.call(reporter, event);
      } catch (error) {
        onError(hook, error);
      }
    }
  };
  return {
    onRunStart: call('onRunStart'),
    onScaffold: call('onScaffold'),
    onBaseline: call('onBaseline'),
    onFlaky: call('onFlaky'),
    onStepStart: call('onStepStart'),
    onAttempt: call('onAttempt'),
    onProgress: call('onProgress'),
    onRunEnd: call('onRunEnd'),
    onBeam: call('onBeam'),
  };
}
