import ts from 'typescript';

/** The variable a call initializes (`const s = Stack.from(…)`, also awaited). */
export function declaredBy(call: ts.Expression): ts.Identifier | undefined {
  let node: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isAsExpression(node)) node = node.parent;
  return ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? node.name : undefined;
}

export function isCallee(node: ts.Expression): boolean {
  const parent = node.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node;
}

export function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

export function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

export function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return true;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)) return parent.name === node;
  return (
    (ts.isBindingElement(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node
  );
}

export function isTypePosition(node: ts.Identifier): boolean {
  let current: ts.Node = node.parent;
  while (ts.isQualifiedName(current)) current = current.parent;
  return ts.isTypeReferenceNode(current) || ts.isTypeQueryNode(current) || ts.isExpressionWithTypeArguments(current) || ts.isTypeNode(current);
}
