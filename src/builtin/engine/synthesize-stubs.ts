import { extractExamples, type Example } from '../synthesis/extract-examples.js';
import { findStubs, type Stub } from '../synthesis/find-stubs.js';
import { synthesize, type Sibling } from '../synthesis/synthesize.js';
import { annotationType, vectorType } from '../synthesis/values.js';
import type { Candidate } from '../types.js';

/** One stub's share of the synthesis time at most: one hard stub must not starve the others. */
const maxPerStubMs = 4_000;

/**
 * Bodies for the stubs among `files` (placeholders: see `findStubs`), synthesized from the literal examples the
 * tests give for them. Stubs with fewer parameters go first, and a stub of the same module found later may call
 * one found earlier (`choose` calling `factorial`); stubs not found are tried again once a sibling is found.
 * Each found body is a candidate scored above every mutation (a stub cannot be right as it is), and when
 * several are found, one candidate with all of them comes first: tests of one function often need the others.
 */
export function synthesizeStubs(
  files: ReadonlyMap<string, string>,
  testSources: ReadonlyMap<string, string>,
  options: { readonly firstId: number; readonly deadline: number },
): Candidate[] {
  const found: Candidate[] = [];
  const bodies: { readonly candidate: Candidate; readonly sibling: Sibling; readonly file: string }[] = [];
  for (const [file, text] of files) {
    const pending = findStubs(file, text)
      .map((stub) => ({ stub, examples: [...testSources].flatMap(([testFile, testText]) => extractExamples(testText, stub.name, testFile)) }))
      .filter((s) => s.examples.length > 0)
      .sort((x, y) => x.stub.params.length - y.stub.params.length);
    const siblings: Sibling[] = [];
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      for (const entry of [...pending]) {
        const budget = options.deadline - Date.now();
        if (budget <= 0) break;
        const result = synthesize(entry.stub, entry.examples, {
          id: options.firstId + found.length,
          timeBudgetMs: Math.min(budget, maxPerStubMs),
          siblings: entry.stub.callPrefix === '' ? siblings.filter((s) => s.name !== entry.stub.name) : [],
        });
        if (result.status !== 'found') continue;
        found.push({ ...result.candidate, score: 10 });
        const sibling = siblingOf(entry.stub, entry.examples, result.body);
        // Module functions call each other by name; methods get no components (their class is not tracked).
        if (entry.stub.callPrefix === '') siblings.push(sibling);
        bodies.push({ candidate: found[found.length - 1] as Candidate, sibling, file });
        pending.splice(pending.indexOf(entry), 1);
        progress = true;
      }
    }
  }
  if (found.length < 2) return found;
  const all: Candidate = {
    id: options.firstId,
    changes: found.flatMap((c) => c.changes),
    operator: 'synthesis',
    description: `${found.length} functions implemented from examples: ${found.map((c) => c.description).join('; ')}`,
    score: 20,
  };
  // A body that calls another synthesized function, or is called by one, only works with it: alone, it would
  // pass its own tests and leave the other a stub, and the next round would have lost it as a component.
  const calls = (caller: Sibling, callee: Sibling) => caller !== callee && new RegExp(`\\b${callee.name}\\(`).test(caller.body);
  const independent = bodies.filter(
    ({ sibling, file }) => !bodies.some((other) => other.file === file && (calls(other.sibling, sibling) || calls(sibling, other.sibling))),
  );
  // Ids run from `firstId` without gaps: the caller numbers its own candidates after these.
  return [all, ...independent.map((b) => b.candidate)].map((candidate, i) => ({ ...candidate, id: options.firstId + i }));
}

function siblingOf(stub: Stub, examples: readonly Example[], body: string): Sibling {
  const argTypes = stub.params.map((_, i) => annotationType(stub.paramTypes[i]) ?? vectorType(examples.map((e) => e.args[i])));
  return { name: stub.name, params: stub.params, body, argTypes };
}
