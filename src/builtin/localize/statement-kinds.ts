import ts from 'typescript';

/** Statements with no runtime effect where they stand (types, hoisted declarations, module syntax, `;`). */
export function isInertStatement(node: ts.Statement): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
    case ts.SyntaxKind.ModuleDeclaration:
    case ts.SyntaxKind.ImportDeclaration:
    case ts.SyntaxKind.ImportEqualsDeclaration:
    case ts.SyntaxKind.ExportDeclaration:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.EmptyStatement:
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.MissingDeclaration:
    case ts.SyntaxKind.NotEmittedStatement:
      return true;
    default:
      return ts.isVariableStatement(node) && hasDeclareModifier(node);
  }
}

/** `declare` marks ambient declarations: there is no code behind them. */
export function hasDeclareModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}

/** A `'use strict'`-style directive: it must stay first in its body to keep its meaning. */
export function isDirective(node: ts.Statement): boolean {
  return ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression);
}

/** `super(…);` — must run before `this` is touched in derived constructors with field initializers. */
export function isSuperCallStatement(node: ts.Statement): boolean {
  return ts.isExpressionStatement(node) && ts.isCallExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.SuperKeyword;
}

/** Loops: their bodies get a `tick()` so a candidate that loops forever is cut off. */
export function isLoop(node: ts.Node): node is ts.IterationStatement {
  return ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

/** Function-like nodes that have a body (declarations, expressions, arrows, methods, accessors, constructors). */
export type FunctionWithBody = ts.FunctionLikeDeclaration & { readonly body: ts.ConciseBody };

export function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}
