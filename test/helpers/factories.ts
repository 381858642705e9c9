import type { Attempt } from '../../src/core/attempts.js';
import type { TestReport, TestResult, TestStatus } from '../../src/core/test-report.js';

/** A test result with sensible defaults; a failed one carries a failure. */
export function aResult(name: string, status: TestStatus = 'passed', file = 'test/a.test.ts'): TestResult {
  return {
    id: { file, name },
    status,
    durationMs: 1,
    ...(status === 'failed' ? { failure: { message: `${name} failed`, expected: '1', actual: '2', frames: [{ file: 'src/a.ts', line: 3 }], output: '' } } : {}),
  };
}

export function aReport(results: readonly TestResult[], status: 'complete' | 'timeout' = 'complete'): TestReport {
  return { status, runner: 'vitest', results, durationMs: 10, output: '' };
}

export function anAttempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    step: 1,
    retry: 0,
    at: '2026-01-01T00:00:00.000Z',
    denoiser: 'scripted:test',
    reasoning: 'because',
    editKinds: ['update'],
    files: ['src/a.ts'],
    diff: '',
    outcome: 'no-improvement',
    feedback: [],
    score: { passed: 1, failed: 1, total: 2 },
    failing: [],
    durationMs: 5,
    ...overrides,
  };
}
