import { extractExamples } from '../synthesis/extract-examples.js';
import { findStubs } from '../synthesis/find-stubs.js';
import { synthesize } from '../synthesis/synthesize.js';
import type { Candidate } from '../types.js';

/**
 * Bodies for the stubs among `files` ("not implemented"), synthesized from the literal examples the tests
 * give for them. Each found body is a candidate scored above every mutation: a stub cannot be right as it is.
 */
export function synthesizeStubs(
  files: ReadonlyMap<string, string>,
  testSources: ReadonlyMap<string, string>,
  options: { readonly firstId: number; readonly deadline: number },
): Candidate[] {
  const found: Candidate[] = [];
  for (const [file, text] of files) {
    for (const stub of findStubs(file, text)) {
      const examples = [...testSources].flatMap(([testFile, testText]) => extractExamples(testText, stub.name, testFile));
      const budget = options.deadline - Date.now();
      if (examples.length === 0 || budget <= 0) continue;
      const result = synthesize(stub, examples, { id: options.firstId + found.length, timeBudgetMs: Math.min(budget, 3_000) });
      if (result.status === 'found') found.push({ ...result.candidate, score: 10 });
    }
  }
  return found;
}
