import ts from 'typescript';
import { unwrapExpression } from '../../analysis/parse.js';
import type { MutationContext, Mutator } from '../mutators/mutator.js';
import { defaultReturns, returnStatement } from './default-values.js';
import { enclosingFunction, isInLoop } from './enclosing-function.js';
import { insertBefore } from './insert-before.js';
import { isGuardable, ownNodes } from './statement-expressions.js';

/** Variables the statement dereferences (`x.p`, `x[i]`, `x.m()`) that could be null: not numbers or booleans. */
export function dereferencedVariables(statement: ts.Statement, context: MutationContext): string[] {
  const names = new Set<string>();
  for (const node of ownNodes(statement)) {
    if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) continue;
    const target = unwrapExpression(node.expression);
    if (node.questionDotToken || !ts.isIdentifier(target)) continue;
    const name = target.text;
    const variable = context.variablesAt(node).find((v) => v.name === name);
    if (variable && variable.kind !== 'function' && variable.type !== 'number' && variable.type !== 'boolean') names.add(name);
  }
  return [...names];
}

/** `if (x == null) return <default>;` (or `continue;` in a loop) before a statement that dereferences `x`. */
export const nullGuard: Mutator = {
  name: 'null-guard',
  kind: 'template',
  prior: 0.2,
  *generate(node, context) {
    if (!isGuardable(node)) return;
    const fn = enclosingFunction(node);
    if (!fn) return;
    const exits = [...defaultReturns(fn).map(returnStatement), ...(isInLoop(node) ? ['continue;'] : [])];
    for (const name of dereferencedVariables(node, context)) {
      for (const exit of exits) yield insertBefore(node, `if (${name} == null) ${exit}`, `guard: \`${name}\` may be null or undefined (${exit})`);
    }
  },
};
