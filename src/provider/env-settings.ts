import { ConfigError } from '../core/errors.js';

/** Where providers read their environment variables; default `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** `value` trimmed, or undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * `raw` without trailing slashes, after checking it is an http(s) URL; with `bareHost`, a `host:port` (as
 * `OLLAMA_HOST` is often written) gets `http://`. Anything else is a `ConfigError` naming `what` and an example.
 */
export function normalizeBaseUrl(raw: string, what: string, example: string, bareHost = false): string {
  const withScheme = bareHost && /^[\w.-]+:\d+(\/.*)?$/.test(raw) ? `http://${raw}` : raw;
  const protocol = URL.canParse(withScheme) ? new URL(withScheme).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError(`'${raw}' is not a valid base URL for ${what} (expected e.g. ${example})`);
  }
  return withScheme.replace(/\/+$/, '');
}
