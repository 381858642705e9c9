import { excludeFullNamePattern, fullNamePattern } from '../core/name-filter.js';
import type { RunOptions } from '../../core/test-runner.js';

/**
 * One regular expression over mocha's full titles for the requested tests minus the excluded ones: mocha
 * takes a single `grep`, so the exclusion is a lookahead in front of the selection.
 */
export function mochaGrep(options: Pick<RunOptions, 'tests' | 'exclude'>): string | undefined {
  const exclude = options.exclude?.length ? excludeFullNamePattern(options.exclude) : '';
  const select = options.tests ? `(?=.*${fullNamePattern(options.tests)})` : '';
  return exclude || select ? `${exclude}${select}` : undefined;
}
