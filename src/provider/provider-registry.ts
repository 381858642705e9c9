import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { createAnthropicProvider } from './anthropic-provider.js';
import type { Env } from './env-settings.js';
import { createGgufProvider } from './gguf-provider.js';
import type { ImportModule } from './gguf-runtime.js';
import { createLlamaCppProvider } from './llamacpp-provider.js';
import type { ModelProvider } from './model-provider.js';
import { defaultTimeoutMs, type ModelSettings } from './model-settings.js';
import { createOllamaProvider } from './ollama-provider.js';
import { createOpenAiProvider } from './openai-compatible-provider.js';
import { createScriptedProvider } from './scripted-provider.js';
import { withBudget, type BudgetOptions } from './with-budget.js';
import { withRetry, type WithRetryOptions } from './with-retry.js';
import { withTimeout } from './with-timeout.js';
import { withUsageTracking, type UsageMeter } from './usage-meter.js';

/** What `createProvider` passes to factories and decorators; everything is optional. */
export interface CreateProviderOptions {
  /** Base for relative `scripted:` and `gguf:` paths; default `process.cwd()`. */
  readonly cwd?: string;
  /** Where `OPENAI_*`, `OLLAMA_*`, `LLAMACPP_*` and `ANTHROPIC_*` variables are read; default `process.env`. */
  readonly env?: Env;
  readonly fetch?: typeof fetch;
  /** Sampling defaults, context size, per-request timeout (default 120 s), reply size limit (default 8 MB), streaming, warnings. */
  readonly settings?: ModelSettings;
  /** Retry settings for model providers; `false` turns retries off. */
  readonly retry?: WithRetryOptions | false;
  /** An overall budget; spent, requests throw `ProviderError` with `exhausted: true`. */
  readonly budget?: BudgetOptions;
  /** Where each completion's token usage is summed. */
  readonly usage?: UsageMeter;
  /** The chain (1-based) the provider serves: a scripted file with a `chains` list replays that chain's replies. */
  readonly chain?: number;
  /** How `gguf:` loads node-llama-cpp; injected by tests. */
  readonly importModule?: ImportModule;
}

interface ProviderEntry {
  /** How the spec is written, for help and error messages. */
  readonly usage: string;
  /** Whether the part after `:` may be left out. */
  readonly optionalArgument?: true;
  /** Replays fixed replies: no timeout or retries. */
  readonly local?: true;
  readonly create: (argument: string, options: CreateProviderOptions) => ModelProvider;
}

const common = (options: CreateProviderOptions) => ({
  ...(options.env ? { env: options.env } : {}),
  ...(options.fetch ? { fetch: options.fetch } : {}),
  ...(options.settings ? { settings: options.settings } : {}),
});

/** The built-in providers, keyed by the prefix of a provider spec. */
const providers = {
  scripted: {
    usage: 'scripted:<replies.json>',
    local: true,
    create: (file, options) => createScriptedProvider(resolve(options.cwd ?? process.cwd(), file), options.chain),
  },
  openai: { usage: 'openai:<model>', create: (model, options) => createOpenAiProvider({ model, ...common(options) }) },
  ollama: { usage: 'ollama:<model>', create: (model, options) => createOllamaProvider({ model, ...common(options) }) },
  llamacpp: {
    usage: 'llamacpp[:<alias>]',
    optionalArgument: true,
    create: (alias, options) => createLlamaCppProvider({ ...(alias === '' ? {} : { model: alias }), ...common(options) }),
  },
  anthropic: { usage: 'anthropic:<model>', create: (model, options) => createAnthropicProvider({ model, ...common(options) }) },
  gguf: {
    usage: 'gguf:<path/to/model.gguf>',
    create: (file, options) =>
      createGgufProvider({
        path: resolve(options.cwd ?? process.cwd(), file),
        ...(options.settings ? { settings: options.settings } : {}),
        ...(options.importModule ? { importModule: options.importModule } : {}),
      }),
  },
} as const satisfies Record<string, ProviderEntry>;

/** The built-in provider names, the part of a spec before `:`. */
export type ProviderName = keyof typeof providers;

/** The spec forms `createProvider` accepts, e.g. `openai:<model>`. */
export const providerUsages: readonly string[] = Object.values(providers).map((entry) => entry.usage);

function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(providers, name);
}

/**
 * The one place decorators are composed, innermost first: a per-request timeout, retries (each attempt gets
 * its own timeout), usage tracking (of successful replies), and the overall budget.
 */
export function decorateProvider(provider: ModelProvider, options: CreateProviderOptions, local = false): ModelProvider {
  let decorated = provider;
  if (!local) decorated = withTimeout(decorated, options.settings?.timeoutMs ?? defaultTimeoutMs);
  if (!local && options.retry !== false) decorated = withRetry(decorated, options.retry);
  if (options.usage) decorated = withUsageTracking(decorated, options.usage);
  if (options.budget) decorated = withBudget(decorated, options.budget);
  return decorated;
}

/**
 * Creates the provider a spec names (`openai:gpt-4o-mini`, `ollama:qwen2.5-coder`, `llamacpp`,
 * `anthropic:claude-sonnet-4-5`, `gguf:model.gguf`, `scripted:replies.json`), decorated by
 * `decorateProvider`. An unknown or incomplete spec is a `ConfigError` listing the valid forms.
 */
export function createProvider(spec: string, options: CreateProviderOptions = {}): ModelProvider {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const argument = colon === -1 ? '' : spec.slice(colon + 1).trim();
  if (!isProviderName(name)) {
    throw new ConfigError(`unknown provider '${spec}'; valid providers: ${providerUsages.join(', ')}`);
  }
  const entry: ProviderEntry = providers[name];
  if (argument === '' && entry.optionalArgument !== true) throw new ConfigError(`provider '${spec}' is incomplete; write it as ${entry.usage}`);
  return decorateProvider(entry.create(argument, options), options, entry.local === true);
}
