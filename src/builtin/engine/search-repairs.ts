import { RunnerError } from '../../core/errors.js';
import type { TestId, TestResult } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { PartialCandidate } from '../candidates/partial-progress.js';
import { breaksNothing, partialFixes, rankPartial } from '../candidates/partial-progress.js';
import { rankPlausible } from '../candidates/rank-plausible.js';
import { generateCandidates } from '../candidates/generate-candidates.js';
import type { TestRunner } from '../../core/test-runner.js';
import { createRunner } from '../../runner/runner-registry.js';
import { createSpawnValidator } from '../harness/spawn-validator.js';
import { openTypePruner, withTypePruning } from '../harness/type-pruned-validator.js';
import type { CandidateValidator, ValidationSession } from '../harness/validation-session.js';
import { createValidationSession, hasValidationSession } from '../harness/validation-session.js';
import { boostCalledFunctions } from '../localize/called-functions.js';
import { instrumentCoverage } from '../localize/instrument-coverage.js';
import { rankStatements } from '../localize/rank-statements.js';
import type { Candidate, CoverageMatrix, StatementSite } from '../types.js';
import { planPairs } from './plan-pairs.js';
import { synthesizeStubs } from './synthesize-stubs.js';
import { createTestSelector } from './tests-for.js';

/**
 * Time the search gives stub synthesis (in-process enumeration, 4 s per stub at most): on a busy machine two
 * functions that call each other (choose over factorial) need most of it. Only stubs spend it.
 */
const synthesisBudgetMs = 10_000;
/** Time kept back from the run's budget for the loop's own verification of a found patch. */
const verifyReserveMs = 4_000;
/**
 * No test starting or finishing for this long means a candidate hangs (vitest's own per-test timeout is 5 s):
 * the warm session is killed and restarted without it.
 */
const hangAfterMs = 5_000;

export interface SearchProgress {
  readonly phase: 'localizing' | 'validating' | 'pairs' | 'done';
  /** Candidates of this phase validated so far, never more than `total` (at `done`: of the whole search). */
  readonly tried: number;
  /** Candidates this phase validates. */
  readonly total: number;
  readonly plausible: number;
  /** Candidates so far that fix some failing goal tests and break none of the tests they ran. */
  readonly partial: number;
  /** At `done` with partial candidates and no plausible one: how many failing tests the best partial one fixes, of how many. */
  readonly bestPartial?: { readonly fixed: number; readonly goals: number };
  /** The most covering tests any validated candidate passed so far (a plausible one passes all of its own). */
  readonly bestPassed: number;
  /** Candidates so far answered by the type check without a test run (they add type errors to their file). */
  readonly pruned: number;
  readonly elapsedMs: number;
}

export interface SearchOptions {
  /** The project as it stands (the loop's sandbox); only copied, never written. */
  readonly root: string;
  /**
   * The runner's `--runner` spec; a runner that offers warm validation for the project's framework version
   * (`TestRunner.warmSession`) validates on it, with per-test coverage; others spawn per candidate.
   */
  readonly runner: string;
  /** The files candidates may change, with their current text. */
  readonly files: ReadonlyMap<string, string>;
  /** Test sources, for synthesis examples. */
  readonly testSources: ReadonlyMap<string, string>;
  readonly failing: readonly TestResult[];
  readonly allTests: readonly TestId[];
  /** Epoch ms by which the search returns what it has. */
  readonly deadline: number;
  readonly testTimeoutMs: number;
  /** How long the baseline run took: sizes the clock that stops a looping candidate when nothing else can. */
  readonly baselineMs?: number;
  readonly maxCandidates?: number;
  /** Stop once this many plausible patches are found (default 5). */
  readonly maxPlausible?: number;
  /** Candidates already tried by the loop (by resulting text), not to be proposed again. */
  readonly skip?: (candidate: Candidate) => boolean;
  readonly onProgress?: (progress: SearchProgress) => void;
  /**
   * Type-check each candidate in memory before a runner is spawned for it, and drop those that add type errors
   * (default true). Only on the spawn path of a project with a tsconfig.json: a warm session runs a candidate
   * faster than the check.
   */
  readonly typePruning?: boolean;
  /** Stops the search between verdicts (the user pressed Ctrl-C). */
  readonly signal?: AbortSignal;
}

export interface SearchResult {
  /** Plausible patches, best first (smallest, fewest statements, highest prior). */
  readonly plausible: readonly Candidate[];
  /**
   * When no candidate is plausible: those that make some failing goal tests pass and break none of the tests
   * covering them, most tests fixed first. The loop can keep one and search on from there.
   */
  readonly partial: readonly PartialCandidate[];
  readonly generated: number;
  readonly tried: number;
  /** Of `tried`, the candidates the type check answered without a test run. */
  readonly pruned: number;
  readonly elapsedMs: number;
  /** Whether per-test coverage was available for localization. */
  readonly coverage: boolean;
  /** Why the search stopped before going through its candidates: the deadline passed, or the user interrupted. */
  readonly stopped?: 'deadline' | 'interrupted';
}

/**
 * The built-in engine's search: localize (per-test coverage + Ochiai + frames), generate single-edit
 * candidates (and synthesized bodies for stubs), validate them on the warm session against the tests that
 * cover them, then, when no single edit suffices, pairs of edits (those that broke nothing first, never two
 * that each make progress alone) as many as the time left allows. Without a plausible candidate, the best
 * partial ones are returned.
 */
export async function searchRepairs(options: SearchOptions): Promise<SearchResult> {
  const started = Date.now();
  // Leave the loop time to verify what the search finds before the run's budget ends.
  const deadline = options.deadline - verifyReserveMs;
  const report = (progress: Omit<SearchProgress, 'elapsedMs'>) => options.onProgress?.({ ...progress, elapsedMs: Date.now() - started });
  const state = { plausible: [] as Candidate[], partial: [] as PartialCandidate[], tried: 0, generated: 0, bestPassed: 0, pruned: 0, coverage: false };
  const finish = (stopped?: SearchResult['stopped']): SearchResult => {
    const ranked = rankPlausible(state.plausible, options.files);
    const partial = ranked.length > 0 ? [] : rankPartial(state.partial, options.files);
    const best = partial[0];
    report({
      phase: 'done',
      tried: state.tried,
      total: state.tried,
      plausible: ranked.length,
      partial: partial.length,
      ...(best ? { bestPartial: { fixed: best.fixed, goals: best.goals } } : {}),
      bestPassed: state.bestPassed,
      pruned: state.pruned,
    });
    return {
      plausible: ranked,
      partial,
      generated: state.generated,
      tried: state.tried,
      pruned: state.pruned,
      elapsedMs: Date.now() - started,
      coverage: state.coverage,
      ...(stopped ? { stopped } : {}),
    };
  };
  const stopReason = (): SearchResult['stopped'] => (options.signal?.aborted === true ? 'interrupted' : Date.now() >= deadline ? 'deadline' : undefined);
  // Nothing is started when there is no time to use it: a validator started only to be closed is a race.
  if (stopReason() !== undefined) return finish(stopReason());

  // A batch that meets several hanging candidates can run well past the deadline: at the deadline (or on
  // Ctrl-C) the validator is shut down, which ends the batch at once, and the search returns what it has.
  let validator: CandidateValidator | undefined;
  let expired = false;
  let closing: Promise<void> | undefined;
  const expire = (): void => {
    if (expired) return;
    expired = true;
    closing = validator?.dispose();
  };
  const expiry = setTimeout(expire, Math.max(0, deadline - Date.now()));
  options.signal?.addEventListener('abort', expire, { once: true });
  /** Makes `next` the validator; one that arrives after the stop is closed at once. */
  const adopt = (next: CandidateValidator): CandidateValidator => {
    validator = next;
    if (expired) closing = Promise.all([closing, next.dispose()]).then(() => undefined);
    return next;
  };
  // Iterators left with a step in flight; they end once the validator is disposed.
  const unwinding: (Promise<unknown> | undefined)[] = [];
  try {
    const runner = createRunner(options.runner);
    const session = hasValidationSession(runner, options.root) ? await startSession(options, runner) : undefined;
    if (session) adopt(session);
    // Without a hit counter, a looping candidate can only be stopped by the clock: a few baseline runs' worth.
    const spawnTimeoutMs = Math.min(options.testTimeoutMs, Math.max(10_000, 3 * (options.baselineMs ?? 0)));
    const spawn = async () => {
      const spawned = await createSpawnValidator({ projectDir: options.root, runner, candidateTimeoutMs: spawnTimeoutMs });
      // A spawned run costs about a second, an in-memory type check tens of milliseconds: checking first pays.
      const pruner = options.typePruning === false ? undefined : openTypePruner(options.root);
      const onPruned = () => void (state.pruned += 1);
      return adopt(pruner ? withTypePruning(spawned, { root: options.root, pruner, onPruned }) : spawned);
    };
    if (!session) await spawn();
    if (expired) return finish(stopReason() ?? 'deadline');

    report({ phase: 'localizing', tried: 0, total: 0, plausible: 0, partial: 0, bestPassed: 0, pruned: 0 });
    const sites: StatementSite[] = [];
    const instrumented = new Map<string, string>();
    for (const [file, text] of options.files) {
      const result = instrumentCoverage(file, text, sites.length);
      sites.push(...result.sites);
      instrumented.set(file, result.text);
    }
    const matrix = session ? await measureCoverage(session, instrumented, sites) : undefined;
    if (expired) return finish(stopReason() ?? 'deadline');
    state.coverage = matrix !== undefined;
    const byCoverage = rankStatements({
      sites,
      ...(matrix ? { matrix } : {}),
      failing: options.failing.map((f) => ({ frames: f.failure?.frames ?? [] })),
      importedFiles: [...options.files.keys()],
    });
    const suspicious = matrix ? byCoverage : boostCalledFunctions(byCoverage, options.failing, options.testSources, options.files);
    const testsFor = createTestSelector({ sites, ...(matrix ? { matrix } : {}), failing: options.failing.map((f) => f.id), all: options.allTests });
    const keep = (c: Candidate) => options.skip?.(c) !== true && testsFor(c).length > 0;

    const synthesized = synthesizeStubs(options.files, options.testSources, { firstId: 1, deadline: Math.min(deadline, Date.now() + synthesisBudgetMs) });
    const singles = [
      ...synthesized,
      ...generateCandidates(options.files, suspicious, { firstId: synthesized.length + 1, maxCandidates: options.maxCandidates ?? 2000 }),
    ].filter(keep);
    state.generated = singles.length;

    const maxPlausible = options.maxPlausible ?? 5;
    const goals = new Set(options.failing.map((f) => testKey(f.id)));
    // With one failing test there is no partial progress to see: stopping a file at its first failure is faster.
    const bail = goals.size < 2;
    // Singles that broke no passing test: the halves of a two-edit fix are likely among them.
    const harmless = new Set<number>();
    // `validatedBefore`: this phase's candidates validated before the warm session was restarted.
    const run = async (phase: 'validating' | 'pairs', candidates: readonly Candidate[], validatedBefore = 0): Promise<void> => {
      if (expired || validator === undefined) return;
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const done = new Set<number>();
      const verdicts = validator.validate(candidates, testsFor, { bail })[Symbol.asyncIterator]();
      let abandoned = false;
      try {
        for (;;) {
          // Once a plausible patch is in hand the search stops, but verdicts the validator already holds (the
          // rest of a batch that ran together) cost nothing and give the ranking more to choose from.
          const enough = state.plausible.length >= maxPlausible;
          const next = enough ? await readyNow(verdicts) : await verdicts.next();
          abandoned = next === undefined;
          if (next === undefined || next.done === true) return;
          const verdict = next.value;
          if (byId.has(verdict.candidate)) done.add(verdict.candidate);
          state.tried += 1;
          const candidate = byId.get(verdict.candidate);
          if (verdict.status === 'plausible' && candidate !== undefined) state.plausible.push(candidate);
          if (verdict.status === 'failed' && candidate !== undefined) {
            const requested = testsFor(candidate);
            const fixed = partialFixes(verdict, requested, goals);
            if (fixed !== undefined) state.partial.push({ candidate, fixed, goals: goals.size });
            if (breaksNothing(verdict, requested, goals, bail)) harmless.add(candidate.id);
          }
          if (verdict.status === 'plausible' || verdict.status === 'failed') state.bestPassed = Math.max(state.bestPassed, verdict.passed);
          report({
            phase,
            tried: validatedBefore + done.size,
            total: validatedBefore + candidates.length,
            plausible: state.plausible.length,
            partial: state.partial.length,
            bestPassed: state.bestPassed,
            pruned: state.pruned,
          });
          if (stopReason() !== undefined) return;
        }
      } catch (error) {
        if (expired) return;
        // The warm session gave out (the framework stopped answering): go on with the slow, sure path.
        if (!(error instanceof RunnerError) || validator !== session) throw error;
        await session.dispose();
        await spawn();
        await run(
          phase,
          candidates.filter((c) => !done.has(c.id)),
          validatedBefore + done.size,
        );
      } finally {
        // An abandoned iterator still has a step in flight; closing it would wait for that step, so it is left
        // to end when the validator is disposed. A stopped one is closed by the validator's disposal as well.
        if (abandoned || expired) unwinding.push(verdicts.return?.().catch(() => undefined));
        else await verdicts.return?.();
      }
    };
    const singlesStarted = Date.now();
    await run('validating', singles);
    if (state.plausible.length === 0 && stopReason() === undefined && !expired) {
      const pairs = planPairs(singles, {
        files: options.files,
        perMs: state.tried / Math.max(1, Date.now() - singlesStarted),
        remainingMs: deadline - Date.now(),
        harmless,
        partial: new Set(state.partial.map((p) => p.candidate.id)),
      }).filter(keep);
      await run('pairs', pairs);
    }
    return finish(stopReason() ?? (expired ? 'deadline' : undefined));
  } catch (error) {
    // Whatever the closing validator broke mid-step (a write into its removed copy, a run it killed) is the
    // stop, not a failure: the search returns what it has.
    if (expired) return finish(stopReason() ?? 'deadline');
    throw error;
  } finally {
    clearTimeout(expiry);
    options.signal?.removeEventListener('abort', expire);
    await (closing ?? validator?.dispose());
    // Nothing of this search may still run once it has returned.
    await Promise.race([Promise.all(unwinding), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }
}

/**
 * The iterator's next result if it is ready without waiting for I/O (it settles before the event loop turns),
 * else undefined: the validator would have to run more candidates to produce it.
 */
async function readyNow<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T> | undefined> {
  const notReady = Symbol('not ready');
  const next = iterator.next();
  const result = await Promise.race([next, new Promise<typeof notReady>((resolve) => setImmediate(() => resolve(notReady)))]);
  if (result !== notReady) return result;
  // The pending step finishes (or is cut short by the validator's disposal) before the iterator is closed.
  void next.catch(() => undefined);
  return undefined;
}

/** The warm session, or undefined when it cannot start here (the search then spawns per candidate). */
async function startSession(options: SearchOptions, runner: TestRunner): Promise<ValidationSession | undefined> {
  try {
    return await createValidationSession(runner, {
      projectDir: options.root,
      testTimeoutMs: options.testTimeoutMs,
      candidateTimeoutMs: Math.min(options.testTimeoutMs, hangAfterMs),
    });
  } catch (error) {
    if (error instanceof RunnerError) return undefined;
    throw error;
  }
}

async function measureCoverage(
  session: ValidationSession,
  instrumented: ReadonlyMap<string, string>,
  sites: readonly StatementSite[],
): Promise<CoverageMatrix | undefined> {
  try {
    await session.load(instrumented);
    return await session.coverage({ sites });
  } catch (error) {
    // Localization falls back to stack frames; the repair search itself still works without coverage.
    if (error instanceof RunnerError) return undefined;
    throw error;
  } finally {
    await session.load(new Map());
  }
}
