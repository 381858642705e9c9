/**
 * The diagnostic log behind `--verbose` and `DEBUG=redgreen`: commands run, resolution decisions and timings,
 * one line each on stderr. Off by default and free when off; library code calls `debug()` and the CLI (or the
 * DEBUG variable) decides where, if anywhere, the lines go.
 */

/** Where log lines go; undefined when logging is off. */
export type DebugSink = (line: string) => void;

const started = performance.now();
let sink: DebugSink | undefined = debugFromEnv(process.env['DEBUG']) ? (line) => process.stderr.write(line) : undefined;

/**
 * Whether a `DEBUG` value names redgreen, in the convention of the `debug` package: a comma- or
 * space-separated list of names where `*` is a wildcard (`redgreen`, `redgreen:*`, `*`).
 */
export function debugFromEnv(value: string | undefined): boolean {
  if (value === undefined) return false;
  const names = value.split(/[\s,]+/).filter((n) => n !== '');
  const matches = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test('redgreen');
  if (names.some((n) => n.startsWith('-') && matches(n.slice(1)))) return false;
  return names.some((n) => !n.startsWith('-') && (matches(n) || matches(n.replace(/:.*$/, ''))));
}

/** Turns the log on (to `to`) or off (undefined); returns the previous sink so tests can restore it. */
export function setDebugSink(to: DebugSink | undefined): DebugSink | undefined {
  const previous = sink;
  sink = to;
  return previous;
}

export function debugEnabled(): boolean {
  return sink !== undefined;
}

/**
 * Logs one line under `topic` (`run`, `config`, `runner`, `time`, …), stamped with the time since start. A
 * function message is only built when the log is on.
 */
export function debug(topic: string, message: string | (() => string)): void {
  if (sink === undefined) return;
  const text = typeof message === 'function' ? message() : message;
  const at = `+${Math.round(performance.now() - started)}ms`;
  try {
    sink(`[redgreen ${topic} ${at}] ${text}\n`);
  } catch {
    // A log that cannot be written must not change the run.
  }
}
