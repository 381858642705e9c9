import type { TestId, TestResult } from '../core/test-report.js';
import { isLoadFailure, isRunFailure, testKey } from '../core/test-report.js';
import type { RunContext } from './run-context.js';
import { runGoalTests } from './run-tests.js';

/** How a test fared in its re-runs. */
export interface RerunTally {
  readonly id: TestId;
  /** Re-runs it took part in. */
  runs: number;
  /** Re-runs it passed; a re-run that did not report it counts as not passed. */
  passes: number;
}

export interface RerunOptions {
  /** Most re-runs. */
  readonly times: number;
  /** Whether a test's question is answered: it leaves the next re-runs. */
  readonly settled: (tally: RerunTally) => boolean;
}

/**
 * Re-runs only `tests`, all of them in one run each time, up to `times` times; a test leaves the re-runs as
 * soon as it is settled, and the re-runs end when every test is. An interrupted re-run is not counted.
 */
export async function rerunTests(ctx: RunContext, tests: readonly TestId[], options: RerunOptions): Promise<Map<string, RerunTally>> {
  const tallies = new Map(tests.map((id) => [testKey(id), { id, runs: 0, passes: 0 }]));
  const aborted = () => ctx.signal?.aborted === true;
  for (let run = 0; run < options.times; run++) {
    const pending = [...tallies.values()].filter((tally) => !options.settled(tally));
    if (pending.length === 0 || aborted()) break;
    const report = await runGoalTests(
      ctx,
      pending.map((tally) => tally.id),
    );
    if (aborted()) break;
    const results = new Map(report.results.map((r) => [testKey(r.id), r]));
    for (const tally of pending) {
      tally.runs += 1;
      if (results.get(testKey(tally.id))?.status === 'passed') tally.passes += 1;
    }
  }
  return tallies;
}

/**
 * Whether re-running a result can tell a flaky test from a real outcome at the cost of a short run: a test that
 * failed, not a hung one (each re-run would wait out the hang timeout again), and neither a file that does not
 * load nor the run as a whole (re-running those means re-running whole files or everything).
 */
export function isRerunnable(result: TestResult): boolean {
  return result.status === 'failed' && !isLoadFailure(result.id) && !isRunFailure(result.id);
}
