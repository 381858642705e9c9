import type { TestReport, TestResult } from '../runner/types.js';
import { displayName, runFailureId, testKey } from '../runner/types.js';
import type { RunContext } from './run-context.js';
import { runGoalTests } from './run-tests.js';

export type Confirmation = { readonly confirmed: true } | { readonly confirmed: false; readonly reason: string; readonly report: TestReport };

/**
 * The last word before redgreen says green: the project's test runner runs the goal suite once more, from a
 * fresh process, and must agree — exit code 0, a complete run, and every test of the green state present and
 * passing. This catches what per-test results can hide: code that ends the test process early with status 0,
 * an error outside any test, a file that stopped loading, a test that passes only sometimes.
 */
export async function confirmGreen(ctx: RunContext, green: TestReport): Promise<Confirmation> {
  const report = await runGoalTests(ctx);
  const reason = disagreement(green, report);
  return reason === undefined ? { confirmed: true } : { confirmed: false, reason, report };
}

function disagreement(green: TestReport, report: TestReport): string | undefined {
  if (report.status === 'timeout') return `the run did not finish (${report.hung ? 'a test hung' : 'the test timeout passed'})`;
  if (report.exit !== undefined && report.exit.code !== 0) return `the runner's own command exits with ${report.exit.signal ?? `code ${report.exit.code}`}${report.status === 'error' ? `: ${firstLine(report.message)}` : ''}`;
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
