import ts from 'typescript';
import type { Mutator } from './mutator.js';
import { replaceNode } from './switchable.js';

/** The condition of an `if`, loop or `?:` when `node` is one. */
export function isCondition(node: ts.Node): node is ts.Expression {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === node;
  if (ts.isForStatement(parent)) return parent.condition === node;
  if (ts.isConditionalExpression(parent)) return parent.condition === node;
  return false;
}

/** `if (c)` → `if (!(c))`; `if (!c)` → `if (c)`. */
export const negateCondition: Mutator = {
  name: 'negate-condition',
  kind: 'mutator',
  prior: 0.3,
  *generate(node) {
    if (!isCondition(node)) return;
    const negated =
      ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken
        ? node.operand.getText()
        : ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)
          ? `!${node.getText()}`
          : `!(${node.getText()})`;
    const change = replaceNode(node, negated, 'condition negated');
    if (change) yield change;
  },
};

/** The condition replaced by `true` or `false`: the branch always or never runs (a wrong or missing guard). */
export const removeCondition: Mutator = {
  name: 'remove-condition',
  kind: 'mutator',
  prior: 0.15,
  *generate(node) {
    if (!isCondition(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return;
    const loop = !ts.isIfStatement(node.parent) && !ts.isConditionalExpression(node.parent);
    // `while (true)` would only ever time out: for loops the condition can only be dropped to `false`.
    for (const text of loop ? ['false'] : ['true', 'false']) {
      const change = replaceNode(node, text, `condition replaced by \`${text}\``);
      if (change) yield change;
    }
  },
};
