import type { TestId, TestResult } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { CandidateVerdict } from '../types.js';
import { hitLimitMessage } from '../../core/instrumentation.js';
import type { CandidateRun } from '../../core/warm-session.js';

const frameworkTimeout = /\b(?:Test|Hook) timed out in \d+ ?ms\b|Exceeded timeout of \d+ ?ms/;

function loops(result: TestResult): boolean {
  if (result.status === 'timeout') return true;
  const message = result.failure?.message ?? '';
  return message.includes(hitLimitMessage) || frameworkTimeout.test(message);
}

/**
 * The verdict on one candidate from its tests' outcomes: `failed` names the first failing test in the order
 * they were asked for; a test that hit the hit limit or the framework's timeout makes the candidate `timeout`;
 * an error outside tests (a throw at import) or a requested test that never ran makes it `error`.
 */
export function toVerdict(candidate: number, tests: readonly TestId[], run: CandidateRun): CandidateVerdict {
  const durationMs = run.durationMs;
  if (run.status === 'timeout') return { candidate, status: 'timeout', durationMs };
  if (run.errors.some((error) => error.includes(hitLimitMessage))) return { candidate, status: 'timeout', durationMs };
  const firstError = run.errors[0];
  if (firstError !== undefined) return { candidate, status: 'error', message: firstError, durationMs };
  const byKey = new Map(run.results.map((result) => [testKey(result.id), result]));
  const requested = tests.map((id) => byKey.get(testKey(id)));
  if (requested.some((result) => result !== undefined && loops(result))) return { candidate, status: 'timeout', durationMs };
  const passed = requested.filter((result) => result?.status === 'passed').length;
  const failedIndex = requested.findIndex((result) => result?.status === 'failed');
  const failedTest = tests[failedIndex];
  if (failedTest !== undefined) {
    const passedTests = tests.filter((_, index) => requested[index]?.status === 'passed');
    return { candidate, status: 'failed', passed, failedTest, passedTests, durationMs };
  }
  const missing = tests.filter((_, index) => requested[index] === undefined);
  if (missing.length > 0) {
    const names = missing.slice(0, 3).map(testKey).join('; ');
    return { candidate, status: 'error', message: `${missing.length} requested test(s) did not run: ${names}`, durationMs };
  }
  return { candidate, status: 'plausible', passed, durationMs };
}
