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
  // Untyped code (plain JavaScript, unannotated parameters) gives no type: the position has to speak for it.
  const type = guessExpressionType(node, (name) => visible.get(name) ?? 'unknown');
  if (type !== 'number' && type !== 'unknown') return false;
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
    if (ts.isNumericLiteral(node)) {
      // An index written as a number moves as a number: `xs[0]` → `xs[1]`, not `xs[0 + 1]`.
      const value = Number(node.text);
      for (const shifted of [value + 1, value - 1].filter((v) => v >= 0)) {
        const change = replaceNode(node, String(shifted), `\`${text}\` → \`${shifted}\``);
        if (change) yield change;
      }
      return;
    }
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
