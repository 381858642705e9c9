import { resolveFrameworkBin } from '../../runner/core/resolve-framework.js';
import type { ValidationSession, ValidationSessionOptions } from './validation-session.js';
import { createVitestValidationSession, vitestSessionMajors } from './vitest-session.js';

type SessionRunner = ValidationSessionOptions['runner'];

interface SessionFactory {
  /** The package whose installed major decides whether the session can run. */
  readonly framework: string;
  /** Whether the session works with this major of the project's framework. */
  readonly supports: (major: number) => boolean;
  readonly create: (options: ValidationSessionOptions) => Promise<ValidationSession>;
}

/** The warm sessions by runner name; jest and others fall back to the spawn validator for now. */
const sessionFactories = {
  vitest: { framework: 'vitest', supports: vitestSessionMajors, create: createVitestValidationSession },
} as const satisfies Record<SessionRunner, SessionFactory>;

/**
 * Whether the project's runner has a warm session for the framework version the project installs; without one
 * the engine validates each candidate in a run of its own.
 */
export function hasValidationSession(runner: string, projectDir: string): runner is SessionRunner {
  if (!Object.hasOwn(sessionFactories, runner)) return false;
  const factory = sessionFactories[runner as SessionRunner];
  try {
    return factory.supports(resolveFrameworkBin(projectDir, factory.framework).major);
  } catch {
    return false;
  }
}

/** Starts a warm validation session over a private copy of `options.projectDir`. */
export function createValidationSession(options: ValidationSessionOptions): Promise<ValidationSession> {
  return sessionFactories[options.runner].create(options);
}
