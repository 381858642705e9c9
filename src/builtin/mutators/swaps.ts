import ts from 'typescript';
import type { Mutator } from './mutator.js';
import { replaceNode } from './switchable.js';

const nonCommutative = new Set([ts.SyntaxKind.MinusToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken]);

/** `a - b` → `b - a` for operators where order matters (comparisons are covered by `relational-operator`). */
export const swapOperands: Mutator = {
  name: 'swap-operands',
  kind: 'mutator',
  prior: 0.15,
  *generate(node) {
    if (!ts.isBinaryExpression(node) || !nonCommutative.has(node.operatorToken.kind)) return;
    const text = node.getSourceFile().text;
    const middle = text.slice(node.left.end, node.right.getStart());
    const swapped = `${operand(node.right)}${middle}${operand(node.left)}`;
    const change = replaceNode(node, swapped, `operands of \`${node.operatorToken.getText()}\` swapped`);
    if (change) yield change;
  },
};

/** An operand moved to the other side keeps its grouping (`a - b - c` → `c - (a - b)`). */
function operand(node: ts.Expression): string {
  return ts.isBinaryExpression(node) || ts.isConditionalExpression(node) || ts.isArrowFunction(node) ? `(${node.getText()})` : node.getText();
}

/** `f(a, b)` → `f(b, a)`, each adjacent pair of arguments (no spreads). */
export const swapArguments: Mutator = {
  name: 'swap-arguments',
  kind: 'mutator',
  prior: 0.15,
  *generate(node) {
    if (!(ts.isCallExpression(node) || ts.isNewExpression(node)) || !node.arguments || node.arguments.length < 2) return;
    const args = node.arguments;
    const sourceFile = node.getSourceFile();
    const start = node.getStart(sourceFile);
    const original = sourceFile.text.slice(start, node.end);
    for (let i = 0; i + 1 < args.length; i++) {
      const a = args[i];
      const b = args[i + 1];
      if (!a || !b || ts.isSpreadElement(a) || ts.isSpreadElement(b) || a.getText() === b.getText()) continue;
      const [aStart, bStart] = [a.getStart(sourceFile) - start, b.getStart(sourceFile) - start];
      const swapped = original.slice(0, aStart) + b.getText() + original.slice(a.end - start, bStart) + a.getText() + original.slice(b.end - start);
      const change = replaceNode(node, swapped, `arguments ${i + 1} and ${i + 2} swapped`);
      if (change) yield change;
    }
  },
};
