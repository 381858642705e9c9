import ts from 'typescript';
import type { TestResult } from '../../core/test-report.js';
import type { Suspicion } from '../types.js';
import { calledInTest } from './called-in-test.js';
import { parseSource } from './parse-source.js';

/** How much more suspicious a statement is when it sits in a function a failing test calls by name. */
const calledBoost = 3;

/**
 * Without per-test coverage, the functions a failing test calls by name are the best lead there is: their
 * statements are raised above the rest of the imported files, keeping the order otherwise. Pure.
 */
export function boostCalledFunctions(
  suspicious: readonly Suspicion[],
  failing: readonly TestResult[],
  testSources: ReadonlyMap<string, string>,
  files: ReadonlyMap<string, string>,
): Suspicion[] {
  const names = new Set<string>();
  for (const failure of failing) {
    const text = testSources.get(failure.id.file);
    if (text === undefined) continue;
    for (const name of calledInTest(failure.id.file, text, failure.id.name.split(' > ').at(-1) ?? failure.id.name)) names.add(name);
  }
  const ranges = [...files].flatMap(([file, text]) => functionRanges(file, text, names).map((range) => ({ file, ...range })));
  if (ranges.length === 0) return [...suspicious];
  const inCalled = (s: Suspicion) => ranges.some((r) => r.file === s.site.file && r.start <= s.site.start && s.site.end <= r.end);
  return suspicious.map((s) => (inCalled(s) ? { ...s, score: s.score * calledBoost } : s)).sort((a, b) => b.score - a.score);
}

/** The text ranges of the functions (declarations, methods, const arrows) named one of `names`. */
export function functionRanges(file: string, text: string, names: ReadonlySet<string>): { start: number; end: number }[] {
  return namedFunctions(parseSource(file, text), names).map(({ node }) => ({ start: node.getStart(), end: node.getEnd() }));
}

/** A named function: the node that names it (the declaration, or the `const` declaring an arrow) and the function itself. */
export interface NamedFunction {
  readonly node: ts.Node;
  readonly fn: ts.FunctionLikeDeclaration;
}

/** The functions of a file named one of `names`: declarations, methods and `const f = () => …`, in file order. */
export function namedFunctions(source: ts.SourceFile, names: ReadonlySet<string>): NamedFunction[] {
  const found: NamedFunction[] = [];
  const visit = (node: ts.Node): void => {
    const named = asNamedFunction(node);
    if (named !== undefined && names.has(named.name)) found.push({ node, fn: named.fn });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function asNamedFunction(node: ts.Node): { name: string; fn: ts.FunctionLikeDeclaration } | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name !== undefined && ts.isIdentifier(node.name)) return { name: node.name.text, fn: node };
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
    return { name: node.name.text, fn: node.initializer };
  }
  return undefined;
}
