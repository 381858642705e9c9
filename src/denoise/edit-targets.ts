import type { TestExpectations } from '../core/denoiser.js';
import type { TestResult } from '../core/test-report.js';

/**
 * The files a denoiser is expected to edit, which a prompt shows whole: the editable files on a failing
 * test's stack frames; for a failure whose frames name none (a wrong value caught by an assertion), the
 * modules its test file imports directly; and the modules the tests expect to grow (the files the
 * expectations summary heads a block with). Pure.
 */
export function editTargets(
  failures: readonly TestResult[],
  directImports: ReadonlyMap<string, readonly string[]>,
  isEditable: (file: string) => boolean,
  expectations?: TestExpectations,
): Set<string> {
  const targets = new Set<string>();
  for (const failure of failures) {
    const framed = (failure.failure?.frames ?? []).map((frame) => frame.file).filter(isEditable);
    for (const file of framed.length > 0 ? framed : (directImports.get(failure.id.file) ?? [])) targets.add(file);
  }
  for (const file of expectedModules(expectations)) targets.add(file);
  return targets;
}

/** The module files an expectations summary speaks of: each block starts `// <file> — exists|missing; …`. */
export function expectedModules(expectations: TestExpectations | undefined): string[] {
  if (expectations === undefined) return [];
  return [...expectations.summary.matchAll(/^\/\/ (\S+) — (?:exists|missing);/gm)].map((match) => match[1] as string);
}
