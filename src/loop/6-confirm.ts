import type { TestId, TestReport, TestResult } from '../core/test-report.js';
import { displayName, isLoadFailure, isRunFailure, runFailureId, testKey } from '../core/test-report.js';
import type { RunContext } from './run-context.js';
import { runGoalTests } from './run-tests.js';

export type Confirmation =
  | { readonly confirmed: true }
  | {
      readonly confirmed: false;
      readonly reason: string;
      readonly report: TestReport;
      /**
       * When the only failures are flaky tests (known as flaky, or passing in the green state on the same code):
       * those tests. Still no green: the project's own command did not pass.
       */
      readonly flaky?: readonly TestId[];
    };

/**
 * The last word before redgreen says green: the project's test runner runs the goal suite once more, from a
 * fresh process, and must agree — exit code 0, a complete run, and every test of the green state present and
 * passing. This catches what per-test results can hide: code that ends the test process early with status 0,
 * an error outside any test, a file that stopped loading, a test that passes only sometimes.
 */
export async function confirmGreen(ctx: RunContext, green: TestReport, isFlaky: (id: TestId) => boolean = () => false): Promise<Confirmation> {
  const report = await runGoalTests(ctx);
  const reason = disagreement(green, report);
  if (reason === undefined) return { confirmed: true };
  const flaky = onlyFlakyFailures(green, report, isFlaky);
  if (flaky === undefined) return { confirmed: false, reason, report };
  const names = flaky
    .slice(0, 3)
    .map((r) => `${r.file} > ${displayName(r)}`)
    .join('; ');
  return { confirmed: false, reason: `fails only on flaky test(s): ${names}${flaky.length > 3 ? ` and ${flaky.length - 3} more` : ''}`, report, flaky };
}

/**
 * The failing tests of a complete confirmation run when each of them is flaky: known as such, or passing in the
 * green state, which is the same code. Anything else (a run failure, a file that stopped loading, a hang, a test
 * that went missing) is a real disagreement.
 */
function onlyFlakyFailures(green: TestReport, report: TestReport, isFlaky: (id: TestId) => boolean): TestId[] | undefined {
  if (report.status !== 'complete') return undefined;
  const failing = report.results.filter((r) => r.status === 'failed' || r.status === 'timeout');
  const passedBefore = new Set(green.results.filter((r) => r.status === 'passed').map((r) => testKey(r.id)));
  const flaky = (r: TestResult) => r.status === 'failed' && !isLoadFailure(r.id) && !isRunFailure(r.id) && (isFlaky(r.id) || passedBefore.has(testKey(r.id)));
  if (failing.length === 0 || !failing.every(flaky)) return undefined;
  const present = new Set(report.results.map((r) => testKey(r.id)));
  if ([...passedBefore].some((key) => !present.has(key))) return undefined;
  return failing.map((r) => r.id);
}

function disagreement(green: TestReport, report: TestReport): string | undefined {
  if (report.status === 'timeout') return `the run did not finish (${report.hung ? 'a test hung' : 'the test timeout passed'})`;
  if (report.exit !== undefined && report.exit.code !== 0)
    return `the runner's own command exits with ${report.exit.signal ?? `code ${report.exit.code}`}${report.status === 'error' ? `: ${firstLine(report.message)}` : ''}`;
  if (report.status === 'error') return firstLine(report.message);
  const failing = report.results.filter((r) => r.status === 'failed' || r.status === 'timeout');
  if (failing.length > 0) return `${failing.length} test(s) fail on a second run: ${failing.slice(0, 3).map(describe).join('; ')}`;
  const present = new Map(report.results.map((r) => [testKey(r.id), r]));
  const missing = green.results.filter((r) => r.status === 'passed' && present.get(testKey(r.id))?.status !== 'passed');
  if (missing.length > 0) return `${missing.length} passing test(s) did not run again: ${missing.slice(0, 3).map(describe).join('; ')}`;
  return undefined;
}

/**
 * The green state with the disagreement recorded as a failing run result, so that the state is not green
 * and the next proposal is told why.
 */
export function withUnconfirmed(green: TestReport, confirmation: Extract<Confirmation, { confirmed: false }>): TestReport {
  const failure: TestResult = {
    id: runFailureId,
    status: 'failed',
    durationMs: confirmation.report.durationMs,
    failure: { message: `the runner's own command still fails: ${confirmation.reason}`, frames: [], output: confirmation.report.output },
  };
  const others = green.results.filter((r) => testKey(r.id) !== testKey(runFailureId));
  return { ...green, results: [...others, failure] };
}

function describe(result: TestResult): string {
  return `${result.id.file} > ${displayName(result.id)}${result.failure ? ` (${firstLine(result.failure.message)})` : ''}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
