import ts from 'typescript';
import type { Mutator } from '../mutators/mutator.js';
import { insertAtEnd } from './insert-before.js';

const relational = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
]);

/** Identifiers compared in a loop condition (`i < n` → `i`, `n`). */
function comparedNames(condition: ts.Expression): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && relational.has(node.operatorToken.kind)) {
      for (const side of [node.left, node.right]) if (ts.isIdentifier(side)) names.push(side.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return names;
}

/** Whether `body` assigns or increments `name` anywhere. */
function updates(body: ts.Node, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const target =
      ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
        ? node.left
        : (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
            (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
          ? node.operand
          : undefined;
    if (target && ts.isIdentifier(target) && target.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** A loop whose condition variable never changes: `i++;` or `i--;` appended to its body. */
export const loopUpdate: Mutator = {
  name: 'loop-update',
  kind: 'template',
  prior: 0.2,
  *generate(node) {
    const condition =
      ts.isWhileStatement(node) || ts.isDoStatement(node) ? node.expression : ts.isForStatement(node) && !node.incrementor ? node.condition : undefined;
    if (!condition || !(ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isForStatement(node)) || !ts.isBlock(node.statement)) return;
    for (const name of new Set(comparedNames(condition))) {
      if (updates(node.statement, name)) continue;
      for (const update of [`${name}++;`, `${name}--;`]) yield insertAtEnd(node.statement, update, `loop update \`${update}\` added`);
    }
  },
};
