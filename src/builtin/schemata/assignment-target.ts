import ts from 'typescript';

/** The outermost node spanning exactly `start`–`end` (ignoring trivia), if any. */
export function nodeAt(source: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.getStart(source) > start || node.end < end) return;
    if (node.getStart(source) === start && node.end === end && node !== source) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Whether an expression is written to (`x = …`, `x += …`, `x++`, `for (x of …)`, a destructuring target): a
 * conditional expression cannot stand there, so such a change cannot be switched as an expression.
 */
export function isAssignmentTarget(node: ts.Node): boolean {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || isPatternPart(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return parent.left === current && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === current;
  return false;
}

function isPatternPart(node: ts.Node): boolean {
  return (
    ts.isArrayLiteralExpression(node) ||
    ts.isObjectLiteralExpression(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isSpreadElement(node) ||
    ts.isSpreadAssignment(node)
  );
}

/**
 * Whether `start`–`end` spans whole statements of one statement list (or one statement in a statement
 * position): only such a range can become `if (…) { new } else { old }`. An empty range is an insertion point.
 */
export function isStatementRange(source: ts.SourceFile, start: number, end: number): boolean {
  if (start === end) return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node.getStart(source) > start || node.end < end) return;
    const list = statementsOf(node);
    if (list) {
      const first = list.findIndex((statement) => statement.getStart(source) === start);
      const last = list.findIndex((statement) => statement.end === end);
      if (first >= 0 && last >= first) found = true;
    }
    if (ts.isStatement(node) && node.getStart(source) === start && node.end === end) found = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) return node.statements;
  return undefined;
}
