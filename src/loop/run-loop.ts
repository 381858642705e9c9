import { ProviderError } from '../core/errors.js';
import { isBackendFailure } from '../provider/backend-failure.js';
import type { TokenUsage } from '../provider/model-provider.js';
import type { TestReport } from '../core/test-report.js';
import type { FileChange } from '../core/file-change.js';
import { unifiedDiff } from '../workspace/run-files.js';
import { scaffoldMissing } from './0-scaffold.js';
import { runBaseline } from './1-baseline.js';
import { openProposals } from './2-propose.js';
import type { ProposalStream } from './2-propose.js';
import { applyProposal, revertChanges } from './3-apply.js';
import { verify } from './4-verify.js';
import { select } from './5-select.js';
import { confirmGreen, withUnconfirmed } from './6-confirm.js';
import { compareReports } from './compare.js';
import type { EditScope } from './edit-scope.js';
import { createEditScope } from './edit-scope.js';
import { defaultFlakyReruns, findFlakyAtBaseline, recheckFlips } from './flaky-check.js';
import type { FlakyTest, FlakyTests } from './flaky-tests.js';
import { createFlakyTests } from './flaky-tests.js';
import { decideNext } from './policy.js';
import { createNoiseTrack } from './noise-track.js';
import { replyStats } from './reply-stats.js';
import type { TypeGate } from './type-gate.js';
import { createTypeGate } from './type-gate.js';
import type { RunContext } from './run-context.js';
import type { RunResult, RunStopReason } from '../core/run-result.js';
import type { Attempt, AttemptOutcome, Proposal, Score } from '../core/attempts.js';
import { failingResults, scoreReport } from '../core/attempts.js';

/**
 * The red→green loop: baseline, then propose → apply → verify → select until green or out of budget.
 * A step whose reply cannot be used may ask the same denoiser again (format retries) without spending a step.
 * Tests that pass and fail on the same code are flaky: found by re-running the tests that flip, they leave the
 * goals, and a run whose only failures are flaky tests stops red. Works only inside the sandbox; approval and
 * write-back belong to the caller.
 */
export async function runLoop(ctx: RunContext): Promise<RunResult> {
  const typeGate = createTypeGate(ctx);
  try {
    return await loop(ctx, typeGate);
  } finally {
    await typeGate.close();
  }
}

async function loop(ctx: RunContext, typeGate: TypeGate): Promise<RunResult> {
  const started = Date.now();
  const flaky = createFlakyTests();
  const reruns = ctx.options.flakyReruns ?? defaultFlakyReruns;
  const scope = createEditScope({
    isTestFile: ctx.isTestFile,
    allowTestEdits: ctx.options.allowTestEdits,
    srcGlobs: ctx.options.srcGlobs,
    allowEdit: ctx.options.allowEdit,
    packageDir: ctx.options.packageDir,
  });
  const scaffold = await scaffoldMissing(ctx, scope);
  // The type check's baseline runs in a worker beside the baseline test run; nothing to repair, no type check.
  typeGate.prepare();
  const seen = await runBaseline(ctx);
  const seenScore = scoreReport(seen);
  if (seenScore.total > 0 && seenScore.failed === 0) await typeGate.close();
  flaky.add(await findFlakyAtBaseline(ctx, seen, reruns));
  const goals = flaky.hide(seen);
  // Every failing goal is flaky: nothing to repair, and nothing that may be called green either.
  let flakyStop = flaky.list().length > 0 && failingResults(goals).length === 0;
  let baseline = goals;
  if (!flakyStop) {
    const confirmed = await confirmIfGreen(ctx, flaky, 0, goals);
    baseline = confirmed.report;
    flakyStop = confirmed.flakyOnly;
  }
  if (flaky.list().length > 0) await ctx.reporter.onFlaky({ tests: flaky.list() });
  const baselineScore = scoreReport(baseline);
  await ctx.reporter.onBaseline({ report: baseline, score: baselineScore });

  const history: Attempt[] = [];
  const kept = new Map<string, FileChange>(scaffold.changes.map((change) => [change.file, change]));
  const usage = { promptTokens: 0, completionTokens: 0, cachedTokens: 0 };
  let best = baseline;
  let exhausted = false;
  let exhaustedReason: string | undefined;
  let stopReason: RunStopReason;
  let backendError: string | undefined;
  const noise = createNoiseTrack(ctx.options, baseline);

  for (let step = 1; ; step++) {
    if (flakyStop) {
      stopReason = 'flaky';
      break;
    }
    const { restarted, thresholds, ...level } = noise.step();
    const decision = decideNext({
      ...level,
      ...(thresholds === undefined ? {} : { thresholds }),
      step,
      maxSteps: ctx.options.maxSteps,
      best: scoreReport(best),
      history,
      denoiserExhausted: exhausted,
      interrupted: ctx.signal?.aborted === true,
      secondsLeft: ctx.options.budgetSeconds === undefined ? undefined : ctx.options.budgetSeconds - (Date.now() - started) / 1000,
    });
    if (decision.action === 'stop') {
      stopReason = decision.reason;
      break;
    }
    await ctx.reporter.onStepStart({
      step,
      maxSteps: ctx.options.maxSteps,
      suggestedMode: decision.suggestedMode,
      ...level,
      ...(restarted === true ? { restarted } : {}),
    });
    const deadline = ctx.options.budgetSeconds === undefined ? undefined : started + ctx.options.budgetSeconds * 1000;
    const stream = await openProposals(ctx, {
      step,
      best,
      history,
      suggestedMode: decision.suggestedMode,
      scope,
      deadline,
      expectations: scaffold.expectations,
      ...level,
    });
    try {
      for (let retry = 0; retry <= ctx.options.formatRetries; retry++) {
        const attemptStarted = Date.now();
        const next = await nextSafely(ctx, stream);
        if (next !== undefined && 'backendError' in next) {
          // The back end is down past its retries: stop, keeping what earlier steps achieved.
          backendError = next.backendError;
          break;
        }
        const proposal = next;
        if (proposal === undefined) {
          if (retry === 0) {
            exhausted = true;
            exhaustedReason = stream.lastMessage();
          }
          break;
        }
        if (proposal.kind !== 'failed') addUsage(usage, proposal.usage);
        const parent = best;
        const taken = await takeStep(ctx, { scope, flaky, reruns, step, typeGate }, best, proposal);
        best = taken.best;
        flakyStop = taken.flakyStop;
        if (taken.keep !== undefined) {
          best = taken.keep.report;
          for (const change of taken.keep.changes) {
            const earlier = kept.get(change.file);
            kept.set(change.file, { file: change.file, before: earlier ? earlier.before : change.before, after: change.after });
          }
        }
        const rated = noise.rate(parent, taken.tested, taken.record, taken.keep !== undefined);
        const record: Attempt = { ...taken.record, step, retry, durationMs: Date.now() - attemptStarted, ...level, reward: rated };
        history.push(record);
        await ctx.reporter.onAttempt(record);
        if ((record.outcome !== 'malformed' && record.outcome !== 'refused') || flakyStop) break;
        stream.feedback.push(...record.feedback);
      }
    } finally {
      await stream.close();
    }
    if (backendError !== undefined) {
      stopReason = 'backend';
      break;
    }
    noise.endStep();
    if (ctx.afterStep !== undefined) {
      // The hook may rewrite the sandbox: the type check's baseline must be taken first.
      await typeGate.ready();
      const replaced = await ctx.afterStep({ step, baseline, best, changes: [...kept.values()] });
      if (replaced !== undefined) {
        // The type check re-reads only the files it is told of: those the old state or the new one changed.
        const touched = [...kept.values(), ...replaced.changes];
        best = replaced.best;
        kept.clear();
        for (const change of replaced.changes) kept.set(change.file, change);
        await typeGate.review(touched);
      }
    }
    // A back end that stays down through its own retries twice in a row will not recover within this run.
    if (countTrailingErrors(history) >= 2) exhausted = true;
  }

  const finalScore = scoreReport(best);
  const changes = [...kept.values()].filter((c) => c.before !== c.after);
  // Green needs evidence: tests that ran and passed. A run interrupted before its baseline saw a test is red.
  const passes = (score: Score) => score.total > 0 && score.failed === 0;
  const status =
    stopReason === 'flaky' ? 'red' : passes(baselineScore) ? 'already-green' : passes(finalScore) && stopReason !== 'interrupted' ? 'green' : 'red';
  const result: RunResult = {
    runId: ctx.runId,
    status,
    stopReason,
    ...(stopReason === 'exhausted' && exhaustedReason !== undefined ? { exhaustedReason } : {}),
    ...(backendError === undefined ? {} : { backendError }),
    baseline: baselineScore,
    final: finalScore,
    flaky: flaky.list(),
    stillFailing: failingResults(best).map((r) => r.id),
    failures: failingResults(best).map((r) => ({ id: r.id, message: headline(r.failure?.message ?? r.status) })),
    attempts: history,
    ...(scaffold.report === undefined ? {} : { scaffold: scaffold.report }),
    changes,
    diff: unifiedDiff(changes),
    usage,
    replies: replyStats(history),
    durationMs: Date.now() - started,
    ...(noise.restarts() === undefined ? {} : { stallRestarts: noise.restarts() }),
  };
  await ctx.reporter.onRunEnd(result);
  return result;
}

interface StepResult {
  readonly record: Omit<Attempt, 'step' | 'retry' | 'durationMs'>;
  /** The report of the attempt's tests, when they ran: what its reward is computed from. */
  readonly tested?: TestReport;
  readonly keep?: { readonly report: TestReport; readonly changes: readonly FileChange[] };
  /** The state the loop goes on from: the kept candidate, or the best state without tests found flaky meanwhile. */
  readonly best: TestReport;
  /** The only failures left are flaky tests: the loop ends red. */
  readonly flakyStop: boolean;
}

interface StepContext {
  readonly scope: EditScope;
  readonly flaky: FlakyTests;
  readonly reruns: number;
  readonly step: number;
  readonly typeGate: TypeGate;
}

async function takeStep(ctx: RunContext, step: StepContext, best: TestReport, proposal: Proposal): Promise<StepResult> {
  const { scope, flaky } = step;
  const at = new Date().toISOString();
  const bestScore = scoreReport(best);
  const base = {
    at,
    denoiser: proposal.denoiser,
    usage: proposal.kind === 'failed' ? undefined : proposal.usage,
    failing: failingResults(best).map((r) => r.id),
  };
  if (proposal.kind !== 'edits') {
    const outcome: AttemptOutcome = proposal.kind === 'failed' ? 'error' : 'malformed';
    const problem = proposal.kind === 'malformed' ? { problem: proposal.problem } : {};
    return {
      record: { ...base, ...problem, reasoning: '', editKinds: [], files: [], diff: '', outcome, feedback: [proposal.reason], score: bestScore },
      best,
      flakyStop: false,
    };
  }
  const editKinds = [...new Set(proposal.edits.map((e) => e.kind))];
  await step.typeGate.ready();
  const applied = await applyProposal(ctx.sandbox, scope, proposal.edits);
  if (applied.status === 'refused') {
    const files = [...new Set(proposal.edits.map((e) => e.file))];
    return {
      record: { ...base, reasoning: proposal.reasoning, editKinds, files, diff: '', outcome: 'refused', feedback: applied.feedback, score: bestScore },
      best,
      flakyStop: false,
    };
  }
  const diff = unifiedDiff(applied.changes);
  const files = applied.changes.map((c) => c.file);
  const typed = await step.typeGate.review(applied.changes);
  if (typed.action === 'refuse') {
    await revertChanges(ctx.sandbox, applied.changes);
    const record = { ...base, reasoning: proposal.reasoning, editKinds, files, diff, outcome: 'refused' as const, feedback: typed.feedback, score: bestScore };
    return { record: { ...record, typecheck: typed.typecheck }, best, flakyStop: false };
  }
  const typeWarning = typed.action === 'warn' ? { feedback: typed.feedback, typecheck: { typecheck: typed.typecheck } } : { feedback: [], typecheck: {} };
  const verification = await verify(ctx, best, flaky.hide);
  if (verification.full) await found(ctx, flaky, await recheckFlips(ctx, best, verification.report, { times: step.reruns, step: step.step }));
  const goals = flaky.hide(best);
  const checked = flaky.hide(verification.report);
  if (failingResults(goals).length === 0) {
    // The tests this candidate fixed were the last failing goals, and they are flaky: it earned nothing.
    await revertChanges(ctx.sandbox, applied.changes);
    const feedback = ['reverted: the only failing tests it seemed to fix are flaky'];
    const record = {
      ...base,
      reasoning: proposal.reasoning,
      editKinds,
      files,
      diff,
      outcome: 'no-improvement' as const,
      feedback: [...feedback, ...typeWarning.feedback],
      score: scoreReport(checked),
      failing: [],
      ...typeWarning.typecheck,
    };
    return { record, tested: checked, best: goals, flakyStop: true };
  }
  const confirmed = await confirmIfGreen(ctx, flaky, step.step, checked, goals);
  const candidate = confirmed.report;
  const selection = select(goals, candidate);
  const record = {
    ...base,
    reasoning: proposal.reasoning,
    editKinds,
    files,
    diff,
    outcome: selection.comparison.verdict,
    feedback: [
      ...applied.notes,
      ...selection.feedback,
      ...(confirmed.flakyOnly ? [`not green: the project's own test command ${confirmed.reason}`] : []),
      ...typeWarning.feedback,
    ],
    score: scoreReport(candidate),
    failing: failingResults(candidate).map((r) => r.id),
    ...typeWarning.typecheck,
  };
  if (selection.keep)
    return { record, tested: candidate, keep: { report: candidate, changes: applied.changes }, best: candidate, flakyStop: confirmed.flakyOnly };
  await revertChanges(ctx.sandbox, applied.changes);
  return { record, tested: candidate, best: goals, flakyStop: false };
}

interface ConfirmedReport {
  readonly report: TestReport;
  /** The confirmation run failed only on flaky tests: the state is as green as the goals can be, yet not green. */
  readonly flakyOnly: boolean;
  /** Why the confirmation disagreed, when it did. */
  readonly reason?: string;
}

/**
 * A report that looks green counts only when the runner confirms it from a fresh run (see 6-confirm.ts);
 * otherwise the disagreement becomes a failing run result of the report, unless it is only flaky tests failing
 * (then they are recorded as flaky). `best` is the state a candidate is compared with: nothing to confirm when
 * the candidate cannot be green against it anyway.
 */
async function confirmIfGreen(ctx: RunContext, flaky: FlakyTests, step: number, report: TestReport, best?: TestReport): Promise<ConfirmedReport> {
  const unchanged = { report, flakyOnly: false };
  if (best !== undefined && compareReports(best, report).verdict !== 'green') return unchanged;
  const score = scoreReport(report);
  if (score.failed > 0 || score.total === 0 || ctx.signal?.aborted === true) return unchanged;
  const confirmation = await confirmGreen(ctx, report, (id) => flaky.has(id));
  if (confirmation.confirmed) return unchanged;
  if (confirmation.flaky === undefined) return { report: withUnconfirmed(report, confirmation), flakyOnly: false };
  // Passed in `report`, failed in the confirmation: the same code, two outcomes.
  const tests = confirmation.flaky.map((id) => ({ id, runs: 2, passed: 1, step }));
  if (step > 0) await found(ctx, flaky, tests);
  else flaky.add(tests);
  return { report: flaky.hide(report), flakyOnly: true, reason: confirmation.reason };
}

/** Records tests found flaky during a step and tells the reporters about the new ones. */
async function found(ctx: RunContext, flaky: FlakyTests, tests: readonly FlakyTest[]): Promise<void> {
  const fresh = flaky.add(tests);
  if (fresh.length > 0) await ctx.reporter.onFlaky({ tests: fresh });
}

/**
 * A reply the retries could not mend becomes a failed step, not a crashed run; misconfiguration and a back end
 * that failed past its retries (unreachable, silent, overloaded) end the run with their error. A request cut
 * off by Ctrl-C proposes nothing, and the policy stops the run as interrupted.
 */
async function nextSafely(ctx: RunContext, stream: ProposalStream): Promise<Proposal | { readonly backendError: string } | undefined> {
  try {
    return await stream.next();
  } catch (error) {
    if (ctx.signal?.aborted === true && error instanceof ProviderError) return undefined;
    if (isBackendFailure(error)) return { backendError: error.message };
    if (error instanceof ProviderError && error.details.retryable === true) {
      return { kind: 'failed', reason: error.message, denoiser: ctx.denoiser.name };
    }
    throw error;
  }
}

/**
 * The first line of a failure message, with the line after it when it only introduces what follows
 * ("Transform failed with 1 error:", "Expected values to be strictly equal:"): that line holds the point.
 */
function headline(message: string): string {
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  return first.trimEnd().endsWith(':') && lines[1] !== undefined ? `${first.trimEnd()} ${lines[1].trim()}` : first;
}

function countTrailingErrors(history: readonly Attempt[]): number {
  let count = 0;
  for (let i = history.length - 1; i >= 0 && history[i]?.outcome === 'error'; i--) count++;
  return count;
}

function addUsage(total: { promptTokens: number; completionTokens: number; cachedTokens: number }, usage: TokenUsage | undefined): void {
  if (usage === undefined) return;
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
  total.cachedTokens += usage.cachedTokens ?? 0;
}
