import type { DenoiseContext, ProjectView, TestExpectations } from '../core/denoiser.js';
import type { EditKind } from '../core/edits.js';
import type { TestReport } from '../core/test-report.js';
import type { EditScope } from './edit-scope.js';
import type { RunContext } from './run-context.js';
import type { Attempt, Proposal } from '../core/attempts.js';
import { failingResults } from '../core/attempts.js';

export interface ProposeInput {
  readonly step: number;
  readonly best: TestReport;
  readonly history: readonly Attempt[];
  readonly suggestedMode: EditKind;
  readonly scope: EditScope;
  /** Epoch ms when the run's time budget ends. */
  readonly deadline?: number;
  readonly expectations?: TestExpectations;
  /** The step's noise level, under a noise schedule. */
  readonly noise?: number;
}

/** One step's proposals, pulled one at a time; `feedback` tells the denoiser why the last one was not used. */
export interface ProposalStream {
  /** The next proposal, or undefined when the denoiser has nothing (more) for this step. */
  next(): Promise<Proposal | undefined>;
  /** Appended to before pulling again: the reasons the previous proposal was refused. */
  readonly feedback: string[];
  /** The denoiser's latest progress message: when it proposes nothing, this says why. */
  readonly lastMessage: () => string | undefined;
  close(): Promise<void>;
}

/** Opens the denoiser's proposals for this step. */
export async function openProposals(ctx: RunContext, input: ProposeInput): Promise<ProposalStream> {
  const feedback: string[] = [];
  let lastMessage: string | undefined;
  const context: DenoiseContext = {
    step: input.step,
    maxSteps: ctx.options.maxSteps,
    project: await projectView(ctx, input.scope),
    report: input.best,
    failures: failingResults(input.best),
    history: input.history,
    suggestedMode: input.suggestedMode,
    ...(input.noise === undefined ? {} : { noise: input.noise }),
    ...(input.expectations === undefined ? {} : { expectations: input.expectations }),
    stepFeedback: feedback,
    ...(input.deadline === undefined ? {} : { deadline: input.deadline }),
    runner: ctx.runner.name,
    testTimeoutMs: ctx.options.testTimeoutMs,
    progress: (message, data) => {
      lastMessage = message;
      void ctx.reporter.onProgress({ step: input.step, message, ...(data ? { data } : {}) });
    },
    signal: ctx.signal,
  };
  const iterator = ctx.denoiser.propose(context)[Symbol.asyncIterator]();
  return {
    feedback,
    lastMessage: () => lastMessage,
    async next() {
      const result = await iterator.next();
      return result.done === true ? undefined : result.value;
    },
    async close() {
      await iterator.return?.();
    },
  };
}

async function projectView(ctx: RunContext, scope: EditScope): Promise<ProjectView> {
  const files = await ctx.sandbox.listFiles();
  return {
    root: ctx.sandbox.root,
    files,
    read: (file) => ctx.sandbox.readFile(file),
    isTestFile: ctx.isTestFile,
    isEditable: (file) => scope.check(file).ok,
  };
}
