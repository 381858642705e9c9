import ts from 'typescript';
import type { Mutator } from './mutator.js';
import { replaceNode } from './switchable.js';

/** `i++` ↔ `i--`, `i++` ↔ `++i` (the value differs), `-x` → `x`. */
export const unaryOperator: Mutator = {
  name: 'unary-operator',
  kind: 'mutator',
  prior: 0.25,
  *generate(node) {
    if (!ts.isPrefixUnaryExpression(node) && !ts.isPostfixUnaryExpression(node)) return;
    const operand = node.operand.getText();
    const op = node.operator;
    const alternatives: string[] = [];
    if (op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken) {
      const other = op === ts.SyntaxKind.PlusPlusToken ? '--' : '++';
      const same = op === ts.SyntaxKind.PlusPlusToken ? '++' : '--';
      const prefix = ts.isPrefixUnaryExpression(node);
      alternatives.push(prefix ? `${other}${operand}` : `${operand}${other}`, prefix ? `${operand}${same}` : `${same}${operand}`);
    } else if (op === ts.SyntaxKind.MinusToken && !ts.isNumericLiteral(node.operand)) {
      alternatives.push(operand);
    }
    for (const text of alternatives) {
      const change = replaceNode(node, text, `\`${node.getText()}\` → \`${text}\``);
      if (change) yield change;
    }
  },
};
