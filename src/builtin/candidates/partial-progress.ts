import type { TestId } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import { rankPlausible } from './rank-plausible.js';

/** A candidate that makes some of the failing goal tests pass and breaks none of the tests it ran. */
export interface PartialCandidate {
  readonly candidate: Candidate;
  /** Goal tests it made pass. */
  readonly fixed: number;
  /** Goal tests that failed before it (all of them, not only those covering it). */
  readonly goals: number;
}

/**
 * How many failing goal tests a candidate fixed, when it is partial progress: it made at least one of them
 * pass and every other test it was run against (those covering its changes) still passes. Undefined when
 * not: a plausible candidate is complete, and one that broke or did not run a passing test is no progress.
 * Pure.
 */
export function partialFixes(verdict: CandidateVerdict, requested: readonly TestId[], goals: ReadonlySet<string>): number | undefined {
  if (verdict.status !== 'failed') return undefined;
  const passed = new Set(verdict.passedTests.map(testKey));
  const fixed = requested.filter((id) => goals.has(testKey(id)) && passed.has(testKey(id))).length;
  const holds = requested.every((id) => goals.has(testKey(id)) || passed.has(testKey(id)));
  return fixed > 0 && holds ? fixed : undefined;
}

/**
 * Whether a failed candidate broke none of the passing tests it ran, as far as its run tells: its first
 * failure is a goal test and, when the run was not cut short at that failure, every other test passed. Such
 * an edit may be half of a two-edit fix; one that breaks a passing test rarely is. Pure.
 */
export function breaksNothing(verdict: CandidateVerdict, requested: readonly TestId[], goals: ReadonlySet<string>, bailed: boolean): boolean {
  if (verdict.status !== 'failed' || !goals.has(testKey(verdict.failedTest))) return false;
  if (bailed) return true;
  const passed = new Set(verdict.passedTests.map(testKey));
  return requested.every((id) => goals.has(testKey(id)) || passed.has(testKey(id)));
}

/** Partial candidates best first: most goal tests fixed, then the smallest patch (as plausible ones are ranked). Pure. */
export function rankPartial(partials: readonly PartialCandidate[], files: ReadonlyMap<string, string>): PartialCandidate[] {
  const order = new Map(
    rankPlausible(
      partials.map((p) => p.candidate),
      files,
    ).map((candidate, index) => [candidate.id, index]),
  );
  return [...partials].sort((a, b) => b.fixed - a.fixed || (order.get(a.candidate.id) ?? 0) - (order.get(b.candidate.id) ?? 0));
}
