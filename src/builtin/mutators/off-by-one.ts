import ts from 'typescript';
import type { MutationContext, Mutator } from './mutator.js';
import { guessExpressionType } from './scope.js';
import { inSlot, isSwitchable, replaceNode } from './switchable.js';

/** Positions where ±1 is a likely fix: indices, lengths, comparison operands, call arguments, returns. */
function isNumericSlot(node: ts.Expression, context: MutationContext): boolean {
  const parent = node.parent;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return !ts.isStringLiteralLike(node);
  if (ts.isNumericLiteral(node) || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand))) return false;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'length') return true;
  if (!ts.isIdentifier(node) && !ts.isCallExpression(node)) return false;
  const visible = new Map(context.variablesAt(node).map((v) => [v.name, v.type]));
  if (guessExpressionType(node, (name) => visible.get(name) ?? 'unknown') !== 'number') return false;
  return ts.isBinaryExpression(parent) || ts.isCallExpression(parent) || ts.isReturnStatement(parent) || ts.isVariableDeclaration(parent);
}

/**
 * ±1 on numeric expressions and indices: `xs[i]` → `xs[i + 1]`, `n` → `(n - 1)`, `xs.length` → `xs.length - 1`;
 * and an existing `e + 1`/`e - 1` → `e`.
 */
export const offByOne: Mutator = {
  name: 'off-by-one',
  kind: 'mutator',
  prior: 0.45,
  *generate(node, context) {
    if (!isSwitchable(node)) return;
    if (ts.isBinaryExpression(node) && isPlusMinusOne(node)) {
      const change = replaceNode(node, inSlot(node, node.left.getText()), `\`${node.getText()}\` → \`${node.left.getText()}\``);
      if (change) yield change;
      return;
    }
    if (!isNumericSlot(node, context)) return;
    const text = node.getText();
    for (const delta of ['+ 1', '- 1']) {
      const change = replaceNode(node, inSlot(node, `${text} ${delta}`), `\`${text}\` → \`${text} ${delta}\``);
      if (change) yield change;
    }
  },
};

function isPlusMinusOne(node: ts.BinaryExpression): boolean {
  const op = node.operatorToken.kind;
  return (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken) && ts.isNumericLiteral(node.right) && node.right.text === '1';
}
