/**
 * What the code under test may see of redgreen's environment: the locale, the search path, the Node options
 * a project relies on, redgreen's own variables for its reporters, and the names the user passed through.
 * Everything else — API keys, tokens, cloud credentials, SSH agents — stays outside.
 */
const allowed = [
  /^PATH$/,
  /^LANG(UAGE)?$/,
  /^LC_[A-Z]+$/,
  /^TZ$/,
  /^TERM$/,
  /^USER$/,
  /^LOGNAME$/,
  /^SHELL$/,
  /^NODE_ENV$/,
  /^NODE_OPTIONS$/,
  /^CI$/,
  /^NO_COLOR$/,
  /^FORCE_COLOR$/,
  /^REDGREEN_[A-Z0-9_]+$/,
];

/** `env` reduced to the allowlist and `passEnv`, with HOME and the temp dir pointed at private ones. */
export function scrubEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly passEnv: readonly string[]; readonly home: string; readonly tmp: string },
): Record<string, string> {
  const passed = new Set(options.passEnv);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (passed.has(name) || allowed.some((pattern) => pattern.test(name))) kept[name] = value;
  }
  return { ...kept, HOME: options.home, TMPDIR: options.tmp, TMP: options.tmp, TEMP: options.tmp };
}
