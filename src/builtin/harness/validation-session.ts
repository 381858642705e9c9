import { RunnerError } from '../../core/errors.js';
import type { TestRunner } from '../../core/test-runner.js';
import type { TestId } from '../../core/test-report.js';
import type { WarmSession, WarmSessionOptions } from '../../core/warm-session.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import { validateCandidates } from './validate-candidates.js';

/** The candidate validator both paths share (warm session or a spawn per candidate): verdicts as they come, then `dispose`. */
export interface CandidateValidator {
  /**
   * Verdicts on `candidates`, each run against `testsFor(c)`. `bail` (default true) stops a test file at its
   * first failure where the validator can: faster, but the tests after it say nothing (no partial progress).
   */
  validate(candidates: readonly Candidate[], testsFor: (candidate: Candidate) => readonly TestId[], options?: ValidateOptions): AsyncIterable<CandidateVerdict>;
  dispose(): Promise<void>;
}

/**
 * A runner's warm session with the engine's validation loop on top: `validate` builds mutant schemata, loads
 * each batch, runs each candidate against `testsFor(c)` (previously failing tests first) stopping at the first
 * failure, and yields verdicts as they come.
 */
export interface ValidationSession extends WarmSession, CandidateValidator {}

export interface ValidationSessionOptions extends WarmSessionOptions {
  /** Candidates per framework run; default 32. */
  readonly batchSize?: number;
}

export interface ValidateOptions {
  readonly bail?: boolean;
}

/** Whether the runner offers warm validation for the framework version the project installs. */
export function hasValidationSession(runner: TestRunner, projectDir: string): boolean {
  return runner.warmSession?.supports(projectDir) === true;
}

/**
 * Starts the runner's warm session over a private copy of `options.projectDir`.
 * @throws RunnerError when the runner has none or it cannot start here (the engine then spawns per candidate).
 */
export async function createValidationSession(runner: TestRunner, options: ValidationSessionOptions): Promise<ValidationSession> {
  if (runner.warmSession === undefined) throw new RunnerError(`the ${runner.name} runner has no warm session: each candidate runs in a process of its own`);
  const { batchSize = 32, ...warm } = options;
  const session = await runner.warmSession.start(warm);
  return {
    ...session,
    validate: (candidates, testsFor, validateOptions) => validateCandidates({ session, candidates, testsFor, batchSize, bail: validateOptions?.bail ?? true }),
  };
}
