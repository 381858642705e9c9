import type { ValidationSession, ValidationSessionOptions } from './validation-session.js';
import { createVitestValidationSession } from './vitest-session.js';

/** The warm sessions by runner name; jest and others fall back to the spawn validator for now. */
const sessionFactories = {
  vitest: createVitestValidationSession,
} as const satisfies Record<ValidationSessionOptions['runner'], (options: ValidationSessionOptions) => Promise<ValidationSession>>;

/** Starts a warm validation session over a private copy of `options.projectDir`. */
export function createValidationSession(options: ValidationSessionOptions): Promise<ValidationSession> {
  return sessionFactories[options.runner](options);
}
