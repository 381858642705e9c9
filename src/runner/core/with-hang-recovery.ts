import type { TestRunner } from '../../core/test-runner.js';
import type { TestId, TestReport } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';

/** Re-runs after this many hangs in one run would cost more than they tell. */
const maxRounds = 3;

/**
 * Hung tests cost seconds, not the budget: when a run is stopped for a hang (`report.hung`), the runner runs
 * the same scope again without the hung tests, so every other test still gets its result. The hung tests
 * stay in the report as `timeout`.
 */
export function withHangRecovery(runner: TestRunner): TestRunner {
  return {
    ...runner,
    run: async (cwd, options) => {
      let report = await runner.run(cwd, options);
      const hung = new Map<string, TestReport['results'][number]>();
      for (let round = 0; round < maxRounds && report.status === 'timeout' && report.hung && report.hung.length > 0; round++) {
        if (options.signal?.aborted === true) break;
        const stuck = new Set(report.hung.map(testKey));
        for (const result of report.results) if (stuck.has(testKey(result.id))) hung.set(testKey(result.id), result);
        const exclude: TestId[] = [...(options.exclude ?? []), ...[...hung.values()].map((result) => result.id)];
        report = await runner.run(cwd, { ...options, exclude });
      }
      if (hung.size === 0) return report;
      const rest = report.results.filter((result) => !hung.has(testKey(result.id)));
      return { ...report, status: 'timeout', results: [...rest, ...hung.values()], hung: [...hung.values()].map((result) => result.id) };
    },
  };
}
