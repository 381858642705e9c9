import type { TestId, TestResult } from '../../core/test-report.js';
import { isLoadFailure, isRunFailure, testKey } from '../../core/test-report.js';

/**
 * Which results a run scoped to `requested` tests and `files` reports: the requested tests, every result of a
 * file whose load failure was requested (the file may load now and show its own tests), and the run failure.
 * A requested run failure asks for everything in `files`.
 */
export function requestedScope(requested: readonly TestId[] | undefined, files: readonly string[] | undefined): (result: TestResult) => boolean {
  const fileSet = files ? new Set(files) : undefined;
  const inFiles = (result: TestResult) => !fileSet || isRunFailure(result.id) || fileSet.has(result.id.file);
  if (!requested || requested.some(isRunFailure)) return inFiles;
  const wanted = new Set(requested.map(testKey));
  const wholeFiles = new Set(requested.filter(isLoadFailure).map((id) => id.file));
  return (result) => inFiles(result) && (wanted.has(testKey(result.id)) || wholeFiles.has(result.id.file) || isRunFailure(result.id));
}

/** Whether some requested ids stand for whole files or the whole run, which no name filter can select. */
export function needsWholeFiles(requested: readonly TestId[] | undefined): boolean {
  return requested?.some((id) => isLoadFailure(id) || isRunFailure(id)) === true;
}
