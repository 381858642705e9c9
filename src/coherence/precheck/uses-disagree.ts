import ts from 'typescript';
import { unwrapExpression } from '../../analysis/parse.js';
import type { ArgumentRange, DeclaredShape } from './declared-shapes.js';

/**
 * Whether a test file, read by syntax alone, uses an imported name in a way its module's declaration does not
 * allow: a call with an argument count outside the function's range, an awaited call of a function that cannot
 * return a Promise, `new` with too many or too few arguments, or a member that the class does not declare
 * (on the class or on a variable holding `new Class(…)`). Names are matched by text, not by symbol: a shadowing
 * local only makes the caller run the full check for nothing.
 */
export function usesDisagree(source: ts.SourceFile, imported: ReadonlyMap<string, DeclaredShape>): boolean {
  const instances = new Map<string, Extract<DeclaredShape, { kind: 'class' }>>();
  const shapeOf = (expression: ts.Expression): DeclaredShape | undefined => {
    const inner = unwrapExpression(expression);
    return ts.isIdentifier(inner) ? imported.get(inner.text) : undefined;
  };
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const made = unwrapExpression(node.initializer);
      const shape = ts.isNewExpression(made) ? shapeOf(made.expression) : undefined;
      if (shape?.kind === 'class') instances.set(node.name.text, shape);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) found = callDisagrees(node, shapeOf(node.expression));
    else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const owner = instances.get(node.expression.text) ?? shapeOf(node.expression);
      found = owner?.kind === 'class' && !owner.open && !owner.members.has(node.name.text) && !builtIns.has(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Names every class or function has without declaring them. */
const builtIns = new Set(['name', 'length', 'prototype', 'constructor', 'call', 'apply', 'bind', 'toString']);

function callDisagrees(node: ts.CallExpression | ts.NewExpression, shape: DeclaredShape | undefined): boolean {
  if (shape === undefined) return false;
  const args = node.arguments ?? [];
  if (args.some(ts.isSpreadElement)) return false;
  if (ts.isNewExpression(node)) return shape.kind === 'class' && outside(args.length, shape.constructorRange);
  if (shape.kind !== 'function') return false;
  return outside(args.length, shape.range) || (!shape.mayReturnPromise && isAwaited(node));
}

function outside(count: number, range: ArgumentRange): boolean {
  return count < range.min || count > range.max;
}

/** `await f()`, `f().then(…)`, `expect(f()).resolves` / `.rejects`. */
function isAwaited(call: ts.CallExpression): boolean {
  let current: ts.Node = call;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === current) return parent.name.text === 'then';
  if (!ts.isCallExpression(parent) || parent.arguments[0] !== current || !ts.isIdentifier(parent.expression) || parent.expression.text !== 'expect')
    return false;
  const chained = parent.parent;
  return ts.isPropertyAccessExpression(chained) && (chained.name.text === 'resolves' || chained.name.text === 'rejects');
}
