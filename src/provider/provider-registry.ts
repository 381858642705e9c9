import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import type { ModelProvider } from './model-provider.js';
import { createOpenAiProvider } from './openai-compatible-provider.js';
import { createScriptedProvider } from './scripted-provider.js';
import { withRetry, type WithRetryOptions } from './with-retry.js';

export interface CreateProviderOptions {
  /** Base for relative `scripted:` files; default `process.cwd()`. */
  readonly cwd?: string;
  /** Where `OPENAI_*` variables are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  /** Per request; each adapter has its own default. */
  readonly timeoutMs?: number;
  /** Retry settings for network providers; `false` turns retries off. */
  readonly retry?: WithRetryOptions | false;
}

interface ProviderEntry {
  /** How the spec is written, for help and error messages. */
  readonly usage: string;
  readonly create: (argument: string, options: CreateProviderOptions) => ModelProvider;
}

const retried = (provider: ModelProvider, options: CreateProviderOptions): ModelProvider =>
  options.retry === false ? provider : withRetry(provider, options.retry);

/** The built-in providers, keyed by the prefix of a provider spec. */
const providers = {
  scripted: {
    usage: 'scripted:<replies.json>',
    create: (file, options) => createScriptedProvider(resolve(options.cwd ?? process.cwd(), file)),
  },
  openai: {
    usage: 'openai:<model>',
    create: (model, options) =>
      retried(
        createOpenAiProvider({
          model,
          ...(options.env ? { env: options.env } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        }),
        options,
      ),
  },
} as const satisfies Record<string, ProviderEntry>;

export type ProviderName = keyof typeof providers;

/** The spec forms `createProvider` accepts, e.g. `openai:<model>`. */
export const providerUsages: readonly string[] = Object.values(providers).map((entry) => entry.usage);

function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(providers, name);
}

/**
 * Creates the provider a spec names (`scripted:replies.json`, `openai:gpt-4o-mini`); network providers come
 * wrapped in `withRetry`. An unknown or incomplete spec is a `ConfigError` listing the valid forms.
 */
export function createProvider(spec: string, options: CreateProviderOptions = {}): ModelProvider {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const argument = colon === -1 ? '' : spec.slice(colon + 1).trim();
  if (!isProviderName(name)) {
    throw new ConfigError(`unknown provider '${spec}'; valid providers: ${providerUsages.join(', ')}`);
  }
  const entry: ProviderEntry = providers[name];
  if (argument === '') throw new ConfigError(`provider '${spec}' is incomplete; write it as ${entry.usage}`);
  return entry.create(argument, options);
}
