import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../core/test-report.js';
import { hitLimitMessage } from '../../core/instrumentation.js';
import { toVerdict } from './to-verdict.js';

const a = { file: 'test/a.test.ts', name: 'a' };
const b = { file: 'test/a.test.ts', name: 'b' };
const passed = (id: typeof a): TestResult => ({ id, status: 'passed', durationMs: 1 });
const failed = (id: typeof a, message = 'expected 1 to be 2'): TestResult => ({
  id,
  status: 'failed',
  durationMs: 1,
  failure: { message, frames: [], output: message },
});
const run = (results: TestResult[], errors: string[] = []) => ({ status: 'complete' as const, results, errors, durationMs: 5 });

describe('toVerdict', () => {
  it('is plausible when every requested test passed', () => {
    expect(toVerdict(3, [a, b], run([passed(a), passed(b)]))).toEqual({ candidate: 3, status: 'plausible', passed: 2, durationMs: 5 });
  });

  it('names the first failing test in the requested order', () => {
    expect(toVerdict(3, [b, a], run([failed(a), failed(b)]))).toMatchObject({ status: 'failed', failedTest: b, passed: 0 });
  });

  it('treats the hit limit and the framework timeout as a timeout', () => {
    expect(toVerdict(3, [a], run([failed(a, hitLimitMessage)])).status).toBe('timeout');
    expect(toVerdict(3, [a], run([failed(a, 'Error: Test timed out in 5000ms.')])).status).toBe('timeout');
    expect(toVerdict(3, [a], { status: 'timeout', durationMs: 9 }).status).toBe('timeout');
  });

  it('is an error for a throw outside tests and for a test that never ran', () => {
    expect(toVerdict(3, [a], run([], ['boom at import']))).toMatchObject({ status: 'error', message: 'boom at import' });
    expect(toVerdict(3, [a, b], run([passed(a)]))).toMatchObject({ status: 'error' });
  });
});
