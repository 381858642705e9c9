import ts from 'typescript';
import { isFunctionWithBody } from '../localize/statement-kinds.js';

/** Nodes evaluated by `statement` itself: its descendants minus nested statements and function bodies. */
export function ownNodes(statement: ts.Node): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    found.push(node);
    if (isFunctionWithBody(node)) return;
    ts.forEachChild(node, (child) => {
      if (!ts.isStatement(child) || (ts.isLabeledStatement(node) && child === node.statement)) visit(child);
    });
  };
  visit(statement);
  return found;
}

/** Statements a template can put code before: executable statements inside a function. */
export function isGuardable(node: ts.Node): node is ts.Statement {
  return (
    ts.isStatement(node) &&
    !ts.isBlock(node) &&
    !ts.isFunctionDeclaration(node) &&
    !ts.isClassDeclaration(node) &&
    !ts.isSourceFile(node.parent) &&
    !ts.isLabeledStatement(node.parent) &&
    !ts.isInterfaceDeclaration(node) &&
    !ts.isTypeAliasDeclaration(node)
  );
}
