import type { TestResult } from '../core/test-report.js';
import { isLoadFailure, isRunFailure } from '../core/test-report.js';

const missingModule =
  /Cannot find (?:module|package) ['"]([^'"]+)['"]|Failed to load url (\S+)|Could not locate module (\S+)|Cannot resolve module ['"]?([^'"\s]+)/;

/**
 * Why the built-in engine cannot work on these failures, when it cannot: it repairs code that exists and
 * that per-test results point into. Undefined when it can try.
 */
export function builtinCannotWork(failures: readonly TestResult[], runner: string): string | undefined {
  if (failures.length === 0) return undefined;
  const missing = failures.flatMap((failure) => {
    const match = isLoadFailure(failure.id) ? missingModule.exec(failure.failure?.message ?? '') : null;
    const module = match?.slice(1).find((group) => group !== undefined);
    return module === undefined ? [] : [`${failure.id.file} imports ${module}`];
  });
  if (missing.length === failures.length) {
    return `the built-in engine repairs existing code and cannot write a missing module (${missing.slice(0, 3).join('; ')}): create it with the exports the tests use, or use a code model (--model)`;
  }
  const blind = failures.every((failure) => (isRunFailure(failure.id) || failure.id.file === '<command>') && (failure.failure?.frames.length ?? 0) === 0);
  if (blind && runner.startsWith('command:')) {
    return 'the command runner gives only an exit code, with no per-test results or stack frames to localize a fault: use a supported runner (--runner vitest, jest, node-test or mocha), make the command print TAP or write JUnit XML, narrow the files with --src, or use a code model (--model)';
  }
  return undefined;
}
