import type { TestRunner } from '../../core/test-runner.js';
import { isRunFailure } from '../../core/test-report.js';
import { needsWholeFiles, requestedScope } from './requested-scope.js';

/**
 * Lets callers re-run a load failure or a run failure like any failing test: the adapter is asked for the
 * whole files (or the whole scope) instead of a name filter, and the report keeps what was requested.
 */
export function withWholeFileRequests(runner: TestRunner): TestRunner {
  return {
    ...runner,
    run: async (cwd, options) => {
      if (!needsWholeFiles(options.tests)) return runner.run(cwd, options);
      const requested = options.tests ?? [];
      const ids = requested.some(isRunFailure) ? undefined : [...new Set(requested.map((id) => id.file))];
      const files = ids && options.files ? ids.filter((file) => options.files?.includes(file)) : (ids ?? options.files);
      const { tests: _tests, ...rest } = options;
      const report = await runner.run(cwd, { ...rest, ...(files ? { files } : {}) });
      return { ...report, results: report.results.filter(requestedScope(requested, options.files)) };
    },
  };
}
