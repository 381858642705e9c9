import type ts from 'typescript';
import type { MutationContext } from './mutator.js';
import { variablesAt, type ScopeVariable } from './scope.js';

/** A context over one parsed file; scope lookups are memoized per node because several generators ask. */
export function createMutationContext(sourceFile: ts.SourceFile, checker?: ts.TypeChecker): MutationContext {
  const cache = new Map<ts.Node, readonly ScopeVariable[]>();
  return {
    sourceFile,
    ...(checker ? { checker } : {}),
    variablesAt(node) {
      let variables = cache.get(node);
      if (!variables) cache.set(node, (variables = variablesAt(node)));
      return variables;
    },
  };
}
