import type { RunOptions } from '../../core/test-runner.js';
import type { TestReport } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import { excludeFullNamePattern, fullNamePattern } from './name-filter.js';

/**
 * The requested tests less the excluded ones: what a run over `tests` must still run. Undefined when the run
 * is not limited to named tests.
 */
export function remainingTests(options: RunOptions): RunOptions['tests'] {
  if (!options.tests || !options.exclude?.length) return options.tests;
  const excluded = new Set(options.exclude.map(testKey));
  return options.tests.filter((id) => !excluded.has(testKey(id)));
}

/**
 * The one name pattern a framework matching full names (vitest `-t`, jest `--testNamePattern`) gets: the
 * requested tests, or everything but the excluded ones; undefined to run everything.
 */
export function fullNameFilter(options: RunOptions): string | undefined {
  const tests = remainingTests(options);
  if (tests) return fullNamePattern(tests);
  return options.exclude?.length ? excludeFullNamePattern(options.exclude) : undefined;
}

/** The report without the excluded tests, which a framework may still list as skipped by the name filter. */
export function withoutExcluded(report: TestReport, exclude: RunOptions['exclude']): TestReport {
  if (!exclude?.length) return report;
  const excluded = new Set(exclude.map((id) => testKey({ file: id.file, name: id.name })));
  return { ...report, results: report.results.filter((result) => !excluded.has(testKey({ file: result.id.file, name: result.id.name }))) };
}
