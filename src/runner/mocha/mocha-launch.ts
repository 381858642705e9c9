/**
 * What the mocha adapter tells its launcher (runtime/launcher.mjs), as JSON in `REDGREEN_MOCHA_LAUNCH`: both
 * sides of the process boundary read this one type (the launcher through a JSDoc import).
 */
export interface MochaLaunchRequest {
  /** The project's own mocha package directory (its realpath), where every mocha module is loaded from. */
  readonly mochaDir: string;
  /** Absolute test files to run instead of the configured `spec`; the configured ones when absent. */
  readonly files?: readonly string[];
  /** A regular expression over mocha's full titles (titles joined by spaces); only matching tests run. */
  readonly grep?: string;
}

/** The environment variable that carries the request. */
export const mochaLaunchVariable = 'REDGREEN_MOCHA_LAUNCH';
