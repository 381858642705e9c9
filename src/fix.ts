import { availableParallelism } from 'node:os';
import picomatch from 'picomatch';
import type { TypecheckMode } from './core/attempts.js';
import type { NoiseSchedule, NoiseThresholds } from './core/noise.js';
import { parseNoiseThresholds, parseSchedule } from './core/noise.js';
import type { Denoiser } from './core/denoiser.js';
import { defaultEditFormat } from './denoise/edit-format-table.js';
import { createBuiltinDenoiser } from './denoise/builtin-denoiser.js';
import { createInfillDenoiser } from './denoise/infill-denoiser.js';
import { createLlmDenoiser } from './denoise/llm-denoiser.js';
import { getEditFormat } from './edit/edit-formats.js';
import { ConfigError } from './core/errors.js';
import type { RunReporter } from './core/events.js';
import { combineReporters } from './core/events.js';
import { resolveFixScope } from './fix-scope.js';
import type { RunResult } from './core/run-result.js';
import { defaultFlakyReruns } from './loop/flaky-check.js';
import { runLoop } from './loop/run-loop.js';
import type { ChainSeat } from './loop/chains/run-chains.js';
import { runChains } from './loop/chains/run-chains.js';
import { defaultConcurrency } from './loop/chains/limit.js';
import type { LoopOptions } from './loop/run-context.js';
import type { ModelSettings } from './provider/model-settings.js';
import { createProvider } from './provider/provider-registry.js';
import type { BudgetTally } from './provider/with-budget.js';
import { createBudgetTally } from './provider/with-budget.js';
import type { PriceTable, UsageMeter } from './provider/usage-meter.js';
import { createUsageMeter } from './provider/usage-meter.js';
import { isTestFile as isRunnerTestFile } from './runner/runner-registry.js';
import type { TestRunner } from './core/test-runner.js';
import { createRunId } from './workspace/run-files.js';
import { confine } from './isolation/boundary.js';
import type { IsolationMode, IsolationPolicy, ResourceLimits } from './isolation/policy.js';
import { defaultIsolationPolicy } from './isolation/policy.js';
import { createSandbox } from './workspace/sandbox.js';
import { dependencyDirs } from './workspace/walk-project.js';
import type { Sandbox } from './workspace/sandbox.js';

export interface FixOptions {
  /** The project, or a package of an npm/yarn/pnpm workspace: then the whole workspace is copied and the package's tests run. */
  readonly projectDir: string;
  /** `builtin` (the default), or a model: `openai:<model>`, `ollama:<model>`, `llamacpp`, `anthropic:<model>`, `gguf:<file>`, `scripted:<file>`. */
  readonly model?: string;
  /** `vitest`, `jest`, `node-test` or `command:<cmd>`; detected when absent. */
  readonly runner?: string;
  readonly maxSteps?: number;
  /** Globs of the test files that define the goal, relative to `projectDir`. */
  readonly tests?: readonly string[];
  /** Globs of the files that may be edited, relative to `projectDir` (`../a/src/**` reaches a sibling package). */
  readonly src?: readonly string[];
  readonly allowTestEdits?: boolean;
  /** Write typed stubs for what the tests import and the code lacks before the baseline (default true). */
  readonly scaffold?: boolean;
  /** Globs, relative to `projectDir`, of files that run code or change dependencies (package.json scripts and dependencies, `.npmrc`, git hooks, CI) the run may edit. */
  readonly allowEdit?: readonly string[];
  readonly testTimeoutMs?: number;
  /** A test run that reports no progress for this long is hung: the hung tests are `timeout` and the rest re-run (default 10 s). */
  readonly hangTimeoutMs?: number;
  readonly budgetSeconds?: number;
  /** The reply format asked of models; from the model table when absent. */
  readonly editFormat?: string;
  /** Cap on the built-in engine's single-edit candidates per search (default 2000). */
  readonly maxCandidates?: number;
  /** Regenerate the code around the suspected fault by fill-in-the-middle instead of chat edits. */
  readonly infill?: boolean;
  /** Extra proposals per step after an unusable reply (default 2); they do not count against `maxSteps`. */
  readonly formatRetries?: number;
  /** Re-runs of a test whose outcome flipped, to tell a flaky test from a real failure or fix (default 2; 0: off). */
  readonly flakyReruns?: number;
  /** Sampling, context size, per-request timeout, seed, streaming. */
  readonly modelSettings?: ModelSettings;
  /** Model tokens the whole run may spend (prompt + completion); spent, the run stops proposing. */
  readonly budgetTokens?: number;
  /** USD per million tokens by model id, for the run's cost. */
  readonly prices?: PriceTable;
  /** Told when a back end retries a request. */
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  readonly reporters?: readonly RunReporter[];
  /** Called when a reporter throws; the run goes on. */
  readonly onReporterError?: (error: unknown) => void;
  readonly signal?: AbortSignal;
  /** The boundary the project's tests run in (default `strict`, which falls back to `basic` where unavailable). */
  readonly isolation?: IsolationMode;
  /** Let the tests reach the network (default: loopback only). */
  readonly allowNetwork?: boolean;
  /** Environment variables the tests may see besides the allowlist. */
  readonly passEnv?: readonly string[];
  /** Per-process limits for the tests' processes. */
  readonly limits?: Partial<ResourceLimits>;
  /** What type errors a proposal introduces do to it (default: `strict` when the project has a tsconfig.json, else `off`). */
  readonly typecheck?: TypecheckMode;
  /** The noise level of each step: `linear`, `cosine` or levels such as `1,0.5,0.2`; absent: the edit mode escalates after failures. */
  readonly schedule?: string | NoiseSchedule;
  /** With a schedule, where steps switch to patches and to rewrites (`0.66,0.33` by default). */
  readonly noiseThresholds?: string | NoiseThresholds;
  /** With a schedule, steps without a better state before the noise is raised again (default 2). */
  readonly stallSteps?: number;
  /**
   * Independent chains, each in its own sandbox with its own seed (`seed + i`); the first green one stops the
   * others, else the one whose best state has the highest reward is kept (default 1).
   */
  readonly chains?: number;
  /** Chains run at once (default: min(chains, cores − 1), at least 1; with `beam`, all of them). */
  readonly concurrency?: number;
  /**
   * Beam width: after each step the chains synchronise, the best `beam` states across them are kept and the
   * other chains restart from those (at most `chains`; default: off, the chains stay independent).
   */
  readonly beam?: number;
}

export interface FixSession {
  readonly result: RunResult;
  /** USD spent on model tokens, when a price for the model is configured. */
  readonly cost?: number;
  readonly sandboxDir: string;
  /** Where `result.changes` and `result.diff` are relative to and write-back goes: the workspace root for a package. */
  readonly projectRoot: string;
  /** The boundary the tests ran in, and why it is weaker than asked, if it is. */
  readonly isolation: { readonly mode: IsolationMode; readonly fallbackReason?: string };
  /** Removes the sandbox, or keeps it for inspection. */
  dispose(options?: { keep?: boolean }): Promise<void>;
}

/** The model-free engine's spec, and the default denoiser. */
export const builtinModel = 'builtin';

export const fixDefaults = {
  model: builtinModel,
  maxSteps: 5,
  testTimeoutMs: 60_000,
  hangTimeoutMs: 10_000,
  formatRetries: 2,
  flakyReruns: defaultFlakyReruns,
  builtinBudgetSeconds: 60,
} as const;

/** Runs the red→green loop on a sandbox copy of the project. The project itself is never written here. */
export async function fix(input: FixOptions): Promise<FixSession> {
  const model = input.model ?? fixDefaults.model;
  const options: FixOptions = {
    ...input,
    model,
    budgetSeconds: input.budgetSeconds ?? (model === builtinModel ? fixDefaults.builtinBudgetSeconds : undefined),
  };
  const noise = noiseOptions(options);
  const chains = wholeAtLeastOne('chains', options.chains ?? 1);
  const beam = beamWidth(options.beam, chains, options.concurrency);
  const concurrency = beam === undefined ? wholeAtLeastOne('concurrency', options.concurrency ?? defaultConcurrency(chains, availableParallelism())) : chains;
  const { location, runner, loopRunner, toRoot } = await resolveFixScope(options.projectDir, options.runner);
  const meter = createUsageMeter();
  // One budget for the whole run: every chain's provider counts against the same tally.
  const spent: Shared = { meter, tally: createBudgetTally() };
  const denoiser = createDenoiser(options, spent);
  const runId = createRunId();
  const reporter = combineReporters(options.reporters ?? [], (_hook, error) => options.onReporterError?.(error));
  let sandbox: Sandbox | undefined;
  try {
    await denoiser.init?.();
    sandbox = await createSandbox(location.root);
    const confinement = confine(sandbox.root, {
      projectDir: location.root,
      policy: isolationPolicy(options),
      dependencies: await dependencyDirs(location.root),
    });
    const isolation = { mode: confinement.mode, ...(confinement.fallbackReason === undefined ? {} : { fallbackReason: confinement.fallbackReason }) };
    const files = await sandbox.listFiles();
    const goal = options.tests && options.tests.length > 0 ? picomatch(toRoot(options.tests), { dot: true }) : undefined;
    const testFiles = goal ? files.filter((f) => goal(f)) : undefined;
    if (testFiles !== undefined && testFiles.length === 0) {
      throw new ConfigError(
        `no file in the project matches --tests ${options.tests?.join(' ')}${location.subdir === '' ? '' : ` (relative to ${location.subdir})`}`,
      );
    }
    const isTestFile = (file: string) => isRunnerTestFile(runner.name, file) || (goal?.(file) ?? false);
    await reporter.onRunStart({
      runId,
      projectDir: options.projectDir,
      sandboxDir: sandbox.root,
      runner: runner.name,
      denoiser: denoiser.name,
      maxSteps: options.maxSteps ?? fixDefaults.maxSteps,
      isolation,
    });
    const loopOptions: LoopOptions = {
      maxSteps: options.maxSteps ?? fixDefaults.maxSteps,
      testFiles,
      srcGlobs: options.src && toRoot(options.src),
      allowTestEdits: options.allowTestEdits ?? false,
      scaffold: options.scaffold ?? true,
      allowEdit: options.allowEdit && toRoot(options.allowEdit),
      packageDir: location.subdir,
      testTimeoutMs: options.testTimeoutMs ?? fixDefaults.testTimeoutMs,
      hangTimeoutMs: options.hangTimeoutMs ?? fixDefaults.hangTimeoutMs,
      budgetSeconds: options.budgetSeconds,
      formatRetries: options.formatRetries ?? fixDefaults.formatRetries,
      flakyReruns: options.flakyReruns ?? fixDefaults.flakyReruns,
      ...(options.typecheck === undefined ? {} : { typecheck: options.typecheck }),
      ...noise,
    };
    const common = { runId, reporter, isTestFile, signal: options.signal, options: loopOptions };
    let kept: Sandbox = sandbox;
    let result;
    if (chains === 1) {
      result = await runLoop({ ...common, sandbox, runner: loopRunner, denoiser });
    } else {
      const first: ChainSeat<Sandbox> = { sandbox, runner: loopRunner, denoiser, ...chainSeed(options, 1), close: async () => {} };
      const ran = await runChains({
        ...common,
        chains,
        concurrency,
        ...(beam === undefined ? {} : { beam }),
        ...(options.modelSettings?.seed === undefined ? {} : { seed: options.modelSettings.seed }),
        open: async (chain) => (chain === 1 ? first : openChain(options, chain, spent, isolationPolicy(options))),
      });
      result = ran.result;
      kept = ran.sandbox;
    }
    result = withBudgetReason(result, options.budgetTokens, spent.tally);
    const cost = options.prices ? meter.cost(options.prices) : undefined;
    return { result, ...(cost === undefined ? {} : { cost }), sandboxDir: kept.root, projectRoot: location.root, isolation, dispose: (o) => kept.dispose(o) };
  } catch (error) {
    await sandbox?.dispose({ keep: false });
    throw error;
  } finally {
    await Promise.allSettled([disposeRunner(runner), denoiser.dispose?.()]);
  }
}

/** The schedule settings as the loop takes them; text is read here, a bad value is a ConfigError naming the option. */
function noiseOptions(options: FixOptions): { schedule?: NoiseSchedule; noiseThresholds?: NoiseThresholds; stallSteps?: number } {
  const read = <T>(name: string, value: string | T | undefined, parse: (text: string) => { ok: true; value: T } | { ok: false; message: string }) => {
    if (typeof value !== 'string') return value;
    const parsed = parse(value);
    if (!parsed.ok) throw new ConfigError(`${name}: ${parsed.message}`);
    return parsed.value;
  };
  const schedule = read('schedule', options.schedule, parseSchedule);
  const noiseThresholds = read('noiseThresholds', options.noiseThresholds, parseNoiseThresholds);
  return {
    ...(schedule === undefined ? {} : { schedule }),
    ...(noiseThresholds === undefined ? {} : { noiseThresholds }),
    ...(options.stallSteps === undefined ? {} : { stallSteps: options.stallSteps }),
  };
}

function isolationPolicy(options: FixOptions): IsolationPolicy {
  return {
    mode: options.isolation ?? defaultIsolationPolicy.mode,
    allowNetwork: options.allowNetwork ?? defaultIsolationPolicy.allowNetwork,
    passEnv: options.passEnv ?? defaultIsolationPolicy.passEnv,
    limits: { ...defaultIsolationPolicy.limits, ...options.limits },
  };
}

/** A run that stopped for want of proposals because the token budget is spent says so (the denoiser only sees "no more"). */
function withBudgetReason(result: RunResult, maxTokens: number | undefined, tally: BudgetTally): RunResult {
  if (result.stopReason !== 'exhausted' || result.exhaustedReason !== undefined) return result;
  if (maxTokens === undefined || tally.tokens < maxTokens) return result;
  return { ...result, exhaustedReason: `the model budget is spent: ${tally.tokens} of ${maxTokens} tokens used` };
}

/** What every chain of a run counts against: the usage meter and the token and time budget. */
interface Shared {
  readonly meter: UsageMeter;
  readonly tally: BudgetTally;
}

function createDenoiser(options: FixOptions, { meter, tally }: Shared, chain?: number): Denoiser {
  if (options.model === builtinModel) {
    if (options.infill === true)
      throw new ConfigError('--infill needs a code model with a fill-in-the-middle API; the built-in engine masks and regenerates by itself');
    return createBuiltinDenoiser(options.maxCandidates === undefined ? {} : { maxCandidates: options.maxCandidates });
  }
  const provider = createProvider(options.model ?? fixDefaults.model, {
    cwd: process.cwd(),
    ...(options.modelSettings ? { settings: options.modelSettings } : {}),
    ...(options.onRetry ? { retry: { onRetry: options.onRetry } } : {}),
    ...(options.budgetTokens !== undefined || options.budgetSeconds !== undefined
      ? { budget: { maxTokens: options.budgetTokens, maxSeconds: options.budgetSeconds, tally } }
      : {}),
    usage: meter,
    ...(chain === undefined ? {} : { chain }),
  });
  if (options.infill === true) return createInfillDenoiser(provider);
  return createLlmDenoiser({ provider, editFormat: getEditFormat(options.editFormat ?? defaultEditFormat(provider.id)) });
}

async function disposeRunner(runner: TestRunner): Promise<void> {
  await runner.dispose?.();
}

/** Chain `chain`'s seed: the run's seed + chain − 1, when the run has a seed. */
function chainSeed(options: FixOptions, chain: number): { seed?: number } {
  const seed = options.modelSettings?.seed;
  return seed === undefined ? {} : { seed: seed + chain - 1 };
}

/** A further chain: its own sandbox, runner and denoiser (with its own seed), confined like the first. */
async function openChain(options: FixOptions, chain: number, shared: Shared, policy: IsolationPolicy): Promise<ChainSeat<Sandbox>> {
  const { location, runner, loopRunner } = await resolveFixScope(options.projectDir, options.runner);
  const seed = chainSeed(options, chain);
  const denoiser = createDenoiser({ ...options, modelSettings: { ...options.modelSettings, ...seed } }, shared, chain);
  try {
    await denoiser.init?.();
    const sandbox = await createSandbox(location.root);
    confine(sandbox.root, { projectDir: location.root, policy, dependencies: await dependencyDirs(location.root) });
    return {
      sandbox,
      runner: loopRunner,
      denoiser,
      ...seed,
      close: async () => void (await Promise.allSettled([disposeRunner(runner), denoiser.dispose?.()])),
    };
  } catch (error) {
    await Promise.allSettled([disposeRunner(runner), denoiser.dispose?.()]);
    throw error;
  }
}

/** The beam width, checked against the chains: a beam synchronises every chain, so all of them run at once. */
function beamWidth(beam: number | undefined, chains: number, concurrency: number | undefined): number | undefined {
  if (beam === undefined) return undefined;
  wholeAtLeastOne('beam', beam);
  if (beam > chains) throw new ConfigError(`beam must be at most chains (${chains}), got ${beam}; raise --chains or narrow --beam`);
  if (concurrency !== undefined && concurrency < chains) {
    throw new ConfigError(`beam needs every chain running at once: concurrency ${concurrency} is below chains (${chains})`);
  }
  return beam;
}

function wholeAtLeastOne(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a whole number of at least 1, got ${value}`);
  return value;
}
