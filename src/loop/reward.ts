import type { TestReport } from '../core/test-report.js';
import { testKey } from '../core/test-report.js';

/** How far up the test pyramid a test sits, read from its file's path. */
export type TestLevel = 'unit' | 'integration' | 'system';

/** A passing test is worth more the more of the system it exercises. */
export const levelWeights: Readonly<Record<TestLevel, number>> = { unit: 1, integration: 2, system: 3 };

/** What one new type error costs: half a unit test, since the tests, not the compiler, are the specification. */
export const typeErrorCost = 0.5;

/** What one changed line costs: a hundred lines weigh as much as one unit test, so size only breaks near-ties. */
export const lineCost = 0.01;

export interface RewardInput {
  /** The state the step started from. */
  readonly parent: TestReport;
  /** The state after the step (the parent itself when nothing ran). */
  readonly candidate: TestReport;
  /** Type errors the step's edits introduced. */
  readonly typeErrors?: number;
  /** Lines the step's diff adds or removes. */
  readonly changedLines?: number;
}

/**
 * A test's level from its path: `e2e` or `system` as a path segment or file-name part → system, `integration`
 * likewise → integration, anything else → unit. Pure.
 */
export function testLevel(file: string): TestLevel {
  const parts = file.toLowerCase().split(/[/\\._-]/);
  if (parts.some((part) => part === 'e2e' || part === 'system')) return 'system';
  if (parts.includes('integration')) return 'integration';
  return 'unit';
}

/**
 * The reward of a step, higher is better. Pure:
 *
 *   reward = Σ w(t) over goal tests t passing in the candidate
 *          − Σ w(t) over regressions t (passed in the parent, not passing in the candidate)
 *          − 0.5 × new type errors
 *          − 0.01 × changed lines
 *
 * with w = 1 for unit, 2 for integration and 3 for system tests (see `testLevel`). A regression thus costs
 * twice: the pass it lost and the penalty, so breaking one test to fix another never pays. Skipped tests count
 * for nothing. Rounded to two decimals.
 */
export function reward(input: RewardInput): number {
  const weight = (file: string) => levelWeights[testLevel(file)];
  const passedBefore = new Set(input.parent.results.filter((r) => r.status === 'passed').map((r) => testKey(r.id)));
  let total = 0;
  for (const result of input.candidate.results) {
    if (result.status === 'passed') total += weight(result.id.file);
    else if (result.status !== 'skipped' && passedBefore.has(testKey(result.id))) total -= weight(result.id.file);
  }
  total -= typeErrorCost * (input.typeErrors ?? 0) + lineCost * (input.changedLines ?? 0);
  return Math.round(total * 100) / 100;
}

/** Lines a unified diff adds or removes (its `+++`/`---` file headers left out). Pure. */
export function changedLines(diff: string): number {
  const header = /^(\+\+\+ b\/|--- a\/|\+\+\+ \/dev\/null|--- \/dev\/null)/;
  return diff.split('\n').filter((line) => (line.startsWith('+') || line.startsWith('-')) && !header.test(line)).length;
}
