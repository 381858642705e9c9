import { typecheckModes } from '../core/attempts.js';
import { parseNoiseThresholds, parseSchedule, scheduleForms, thresholdForms } from '../core/noise.js';
import type { ValueKind } from './value-kinds.js';
import { count, envNames, globs, numberBetween, oneOf, parsedText, path, positiveInt, seconds, switchKind, text, wholeNumber } from './value-kinds.js';

/** One option of `redgreen fix`, declared once: the flag, the config key and the docs derive from it. */
export interface OptionSpec {
  /** Commander's spelling, e.g. `-m, --model <spec>`; the camel-case of its long name is the config key. */
  readonly flag: string;
  readonly kind: ValueKind<unknown>;
  /** One line for `--help`, the README and editor hints. */
  readonly description: string;
  /** The value the library uses when neither flag nor config sets one (JSON Schema `default`). */
  readonly default?: string | number | boolean;
  /** The default in words, when the value alone says too little or there is none (`detected`). */
  readonly defaultText?: string;
  /** Whether the option may live in a config file; run-by-run choices (`--yes`) may not. */
  readonly config: boolean;
  /** The `fix()` option it feeds, when that is named differently (`maxIter` → `maxSteps`). */
  readonly feeds?: string;
  /** More for the README than fits in `--help`. */
  readonly details?: string;
}

/** Every option of `redgreen fix`, in `--help` order. */
export const fixOptions = {
  model: {
    flag: '-m, --model <spec>',
    kind: text,
    description: 'denoiser: builtin | openai:<model> | ollama:<model> | llamacpp | anthropic:<model> | gguf:<file> | scripted:<file>',
    default: 'builtin',
    defaultText: 'builtin, no model needed',
    config: true,
  },
  maxIter: { flag: '--max-iter <n>', kind: positiveInt, description: 'most repair steps', default: 5, config: true, feeds: 'maxSteps' },
  tests: { flag: '--tests <glob...>', kind: globs, description: 'test files that define the goal', defaultText: 'the whole suite', config: true },
  src: { flag: '--src <glob...>', kind: globs, description: 'files that may be edited', defaultText: 'every non-test source', config: true },
  runner: {
    flag: '--runner <name>',
    kind: text,
    description: 'vitest | jest | node-test | mocha | command:<cmd>',
    defaultText: 'detected',
    config: true,
    details:
      'Detected from package.json, config files and the test script. mocha 10 and 11 load test files one by one, so a file that fails to load fails alone.',
  },
  editFormat: {
    flag: '--edit-format <name>',
    kind: text,
    description: 'reply format asked of models: search-replace | unified-diff | whole-file | yaml',
    defaultText: 'by model',
    config: true,
    details: 'By model: whole files for small models, search/replace for strong ones.',
  },
  formatRetries: {
    flag: '--format-retries <n>',
    kind: count,
    description: 'extra replies a step may ask for after an unusable one, not counted as steps',
    default: 2,
    config: true,
    details: 'The last one asks for whole files.',
  },
  testTimeout: {
    flag: '--test-timeout <seconds>',
    kind: seconds,
    description: 'limit for one test run; a hung run is killed',
    default: 60,
    config: true,
    feeds: 'testTimeoutMs',
    details: "The run's process group is killed and its tests are reported as `timeout`.",
  },
  hangTimeout: {
    flag: '--hang-timeout <seconds>',
    kind: seconds,
    description: 'a test run with no progress for this long is hung: its running tests are timed out and the rest re-run',
    default: 10,
    config: true,
    feeds: 'hangTimeoutMs',
    details: "node:test relays a file's events only as its child process reports them, so a test file stuck in a loop from its start waits for `testTimeout`.",
  },
  flakyReruns: {
    flag: '--flaky-reruns <n>',
    kind: count,
    description: 're-runs of a test whose outcome flipped, to tell a flaky test from a real failure or fix',
    default: 2,
    defaultText: '2; 0: off',
    config: true,
    details: 'Only the flipped tests re-run, all in one run each time (with `command:`, each re-run runs the whole command).',
  },
  schedule: {
    flag: '--schedule <schedule>',
    kind: parsedText(scheduleForms, parseSchedule),
    description: 'noise level of each step, high to low: linear | cosine | levels from 0 to 1 such as 1,0.5,0.2',
    defaultText: 'none: the edit mode escalates after failed steps',
    config: true,
    details:
      "The noise level σ of a step sets how much of the code it may change: whole-function or whole-file rewrites at high σ, patches of hunks in the middle, single search/replace updates at low σ (see `noiseThresholds`), and a model's sampling temperature (0.2 at σ 0 to 1 at σ 1, unless `temperature` is set). `linear` falls evenly from 1 (1, 0.8, 0.6, 0.4, 0.2 over five steps); `cosine` lingers near full noise and falls faster toward the end (1, 0.90, 0.65, 0.35, 0.10); a list gives each step its level, the last one held. When no better state is found for `stallSteps` steps, the schedule restarts from its highest level, at least one granularity coarser, from the best state. Without a schedule, steps start with updates and escalate to patches and rewrites after failed ones.",
  },
  noiseThresholds: {
    flag: '--noise-thresholds <rewrite,patch>',
    kind: parsedText(thresholdForms, parseNoiseThresholds),
    description: 'with --schedule: the noise levels from which a step asks for whole rewrites, and for patches',
    default: '0.66,0.33',
    defaultText: '0.66,0.33: three equal bands',
    config: true,
  },
  stallSteps: {
    flag: '--stall-steps <n>',
    kind: positiveInt,
    description: 'with --schedule: steps without a better state before the noise is raised again',
    default: 2,
    config: true,
  },
  chains: {
    flag: '--chains <k>',
    kind: positiveInt,
    description: 'independent chains, each in its own sandbox with its own seed; the first green one stops the others',
    default: 1,
    config: true,
    details:
      'Chain i gets seed `seed + i − 1` (with `--seed`), sent to model back ends as the request seed. A scripted replies file gives each chain its own list with `{"chains": [[…], […]]}`; with `{"replies": […]}` every chain replays the same list. The built-in engine does not take a seed yet: its chains search alike, and a chain that reaches a state another chain already holds stops as a duplicate. When no chain goes green, the one whose best state has the highest reward is kept (ties: the lowest chain number); that state alone is shown and offered for approval.',
  },
  concurrency: {
    flag: '--concurrency <n>',
    kind: positiveInt,
    description: 'with --chains: chains run at once',
    defaultText: 'chains, at most the cores less one',
    config: true,
  },
  beam: {
    flag: '--beam <b>',
    kind: positiveInt,
    description: 'with --chains: after each step keep the best b states across the chains and restart the others from them',
    defaultText: 'off: independent chains',
    config: true,
    details:
      'Every chain runs at once and waits for the others after each step. The states are ranked (green first, then by reward; equal states count once), the best b are kept, and each other chain copies one of them into its sandbox and goes on from there, the chains dealt out evenly over the kept states. b must be at most --chains.',
  },
  budgetSeconds: {
    flag: '--budget-seconds <n>',
    kind: seconds,
    description: 'limit for the whole loop',
    defaultText: '60 with the built-in engine',
    config: true,
  },
  budgetTokens: { flag: '--budget-tokens <n>', kind: positiveInt, description: 'model tokens the run may spend', config: true },
  maxCandidates: {
    flag: '--max-candidates <n>',
    kind: positiveInt,
    description: 'built-in engine: most single-edit candidates per search',
    default: 2000,
    config: true,
  },
  temperature: {
    flag: '--temperature <t>',
    kind: numberBetween(0, 2),
    description: 'model sampling temperature',
    config: true,
    feeds: 'modelSettings.temperature',
  },
  maxTokens: { flag: '--max-tokens <n>', kind: positiveInt, description: 'most tokens in one model reply', config: true, feeds: 'modelSettings.maxTokens' },
  contextSize: {
    flag: '--context-size <n>',
    kind: positiveInt,
    description: 'context window to ask for (Ollama num_ctx, gguf)',
    config: true,
    feeds: 'modelSettings.contextSize',
  },
  modelTimeout: {
    flag: '--model-timeout <seconds>',
    kind: seconds,
    description: 'limit for one model request',
    default: 120,
    config: true,
    feeds: 'modelSettings.timeoutMs',
  },
  maxReplyBytes: {
    flag: '--max-reply-bytes <n>',
    kind: positiveInt,
    description: 'most bytes one model reply may take, streamed or not',
    default: 8388608,
    defaultText: '8388608, 8 MB',
    config: true,
    feeds: 'modelSettings.maxReplyBytes',
  },
  seed: { flag: '--seed <n>', kind: wholeNumber, description: 'sampling seed, where the back end supports one', config: true, feeds: 'modelSettings.seed' },
  stream: {
    flag: '--stream',
    kind: switchKind,
    description: 'stream model replies (detects cut-off replies early)',
    config: true,
    feeds: 'modelSettings.stream',
  },
  infill: {
    flag: '--infill',
    kind: switchKind,
    description: 'mask the code around the suspected fault and let the model fill it in (ollama, llamacpp, gguf, Mercury)',
    config: true,
  },
  yes: { flag: '-y, --yes', kind: switchKind, description: 'apply the fix without asking', config: false },
  dryRun: { flag: '--dry-run', kind: switchKind, description: 'never touch the project; print the diff', config: false },
  json: {
    flag: '--json',
    kind: switchKind,
    description: 'print one machine-readable result object on stdout',
    config: false,
    details: 'Progress stays on stderr.',
  },
  scaffold: {
    flag: '--no-scaffold',
    kind: switchKind,
    description: 'do not write typed stubs, before the first test run, for what the tests import and the code lacks',
    default: true,
    defaultText: 'stubs are written',
    config: true,
    details:
      'Tests first: missing modules, exports and class members become stubs that throw `not implemented: <name>`, shown in the diff like any edit (see [Scaffolding](#scaffolding-from-tests-redgreen-scaffold)).',
  },
  typecheck: {
    flag: '--typecheck <mode>',
    kind: oneOf(typecheckModes),
    description: 'type errors a proposal introduces: strict refuses it before its tests run | warn runs its tests and feeds the errors back | off',
    defaultText: 'strict with a tsconfig.json, else off',
    config: true,
    details:
      "Checked with the project's tsconfig.json (or a jsconfig.json that sets `checkJs`) after each proposal is applied; only errors the project did not already have count. The built-in engine's candidates are pruned by its own checker.",
  },
  allowTestEdits: {
    flag: '--allow-test-edits',
    kind: switchKind,
    description: 'let the denoiser edit test files (off: the tests are the specification)',
    config: true,
    details: 'Test data and test configuration count as tests.',
  },
  allowEdit: {
    flag: '--allow-edit <glob...>',
    kind: globs,
    description: 'let the denoiser edit these files that run code or change dependencies (package.json scripts and dependencies, .npmrc, git hooks, CI)',
    config: true,
    details: 'See [Edits that cannot game the verdict](#edits-that-cannot-game-the-verdict); each such change is called out before approval.',
  },
  keepSandbox: {
    flag: '--keep-sandbox',
    kind: switchKind,
    description: 'keep the sandbox directory after the run',
    config: false,
    details: 'It is always kept when the run ends red, unless you interrupted it.',
  },
  isolation: {
    flag: '--isolation <mode>',
    kind: oneOf(['strict', 'basic', 'off']),
    description: 'strict: tests run in an OS sandbox (bubblewrap, sandbox-exec) | basic: scrubbed environment and limits only | off',
    default: 'strict',
    defaultText: 'strict; falls back to basic where unavailable',
    config: true,
    details: 'See [Isolation](#isolation).',
  },
  allowNetwork: { flag: '--allow-network', kind: switchKind, description: 'let the tests reach the network', defaultText: 'loopback only', config: true },
  passEnv: {
    flag: '--pass-env <name...>',
    kind: envNames,
    description: 'environment variables the tests may see besides the allowlist (PATH, locale, NODE_OPTIONS…)',
    config: true,
  },
  memoryLimit: {
    flag: '--memory-limit <mb>',
    kind: positiveInt,
    description: 'memory limit per test process, in megabytes',
    default: 8192,
    config: true,
    feeds: 'limits.memoryBytes',
  },
  config: {
    flag: '--config <file>',
    kind: path,
    description: 'settings file to use instead of searching for one (relative to the current directory)',
    config: false,
  },
} as const satisfies Record<string, OptionSpec>;

export type FixOptionName = keyof typeof fixOptions;

type ValueOf<K extends FixOptionName> = (typeof fixOptions)[K]['kind'] extends ValueKind<infer T> ? T : never;

/** The values of `redgreen fix`'s flags, as commander gives them (absent when not given). */
export type FixFlagValues = { readonly [K in FixOptionName]?: ValueOf<K> };

/** The options that may live in a config file. */
export type ConfigOptionName = { [K in FixOptionName]: (typeof fixOptions)[K]['config'] extends true ? K : never }[FixOptionName];

/** `--help`'s line for an option: its description and, when it has one, its default. */
export function helpText(spec: OptionSpec): string {
  const def = spec.defaultText ?? (spec.default === undefined ? undefined : String(spec.default));
  return def === undefined ? spec.description : `${spec.description} (default: ${def})`;
}

/** The option names in table order, typed. */
export const fixOptionNames = Object.keys(fixOptions) as FixOptionName[];

/** The option names that may live in a config file, in table order. */
export const configOptionNames = fixOptionNames.filter((name): name is ConfigOptionName => fixOptions[name].config);
