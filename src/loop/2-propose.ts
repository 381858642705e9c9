import type { DenoiseContext, ProjectView } from '../denoise/denoiser.js';
import type { EditKind } from '../edit/types.js';
import type { TestReport } from '../runner/types.js';
import type { EditScope } from './edit-scope.js';
import type { RunContext } from './run-context.js';
import type { Attempt, Proposal } from './types.js';
import { failingResults } from './types.js';

export interface ProposeInput {
  readonly step: number;
  readonly best: TestReport;
  readonly history: readonly Attempt[];
  readonly suggestedMode: EditKind;
  readonly scope: EditScope;
}

/** Asks the denoiser for this step's proposal; `undefined` when it has nothing more to offer. */
export async function propose(ctx: RunContext, input: ProposeInput): Promise<Proposal | undefined> {
  const context: DenoiseContext = {
    step: input.step,
    maxSteps: ctx.options.maxSteps,
    project: await projectView(ctx, input.scope),
    report: input.best,
    failures: failingResults(input.best),
    history: input.history,
    suggestedMode: input.suggestedMode,
    signal: ctx.signal,
  };
  for await (const proposal of ctx.denoiser.propose(context)) return proposal;
  return undefined;
}

async function projectView(ctx: RunContext, scope: EditScope): Promise<ProjectView> {
  const files = await ctx.sandbox.listFiles();
  return {
    files,
    read: (file) => ctx.sandbox.readFile(file),
    isTestFile: ctx.isTestFile,
    isEditable: (file) => scope.check(file).ok,
  };
}
