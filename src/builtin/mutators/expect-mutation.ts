import ts from 'typescript';
import { expect } from 'vitest';
import { parseSource } from '../../analysis/parse.js';
import { createMutationContext } from './mutation-context.js';
import type { Mutator } from './mutator.js';

const prefix = 'function __rgTest() {\n';
const suffix = '\n}';

/**
 * Every result of running `sut` over every node of `snippet`, as the snippet's new text with whitespace
 * runs collapsed. Snippets that are not declarations are wrapped in a function so statements and
 * `return` are legal; results that reach outside the snippet are dropped.
 */
export function mutationsOf(sut: Mutator, snippet: string, file = 'snippet.ts'): string[] {
  const wrap = !/^(export\s+)?(async\s+)?(function|class)\b/.test(snippet.trim());
  const before = wrap ? prefix : '';
  const after = wrap ? suffix : '';
  const text = before + snippet + after;
  const sourceFile = parseSource(file, text);
  const context = createMutationContext(sourceFile);
  const results: string[] = [];
  const visit = (node: ts.Node): void => {
    for (const change of sut.generate(node, context)) {
      expect(change.start).toBeLessThanOrEqual(change.end);
      const mutated = text.slice(0, change.start) + change.text + text.slice(change.end);
      if (mutated.startsWith(before) && mutated.endsWith(after)) results.push(normalize(mutated.slice(before.length, mutated.length - after.length)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return results;
}

/** Asserts that `sut` turns `snippet` into `expected` (among its results; whitespace runs compare equal). */
export function expectMutation(sut: Mutator, snippet: string, expected: string): void {
  expect(mutationsOf(sut, snippet)).toContain(normalize(expected));
}

/** Asserts that `sut` proposes nothing for `snippet`, or, given `unexpected`, not that result. */
export function expectNoMutation(sut: Mutator, snippet: string, unexpected?: string): void {
  const results = mutationsOf(sut, snippet);
  if (unexpected === undefined) expect(results).toEqual([]);
  else expect(results).not.toContain(normalize(unexpected));
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
