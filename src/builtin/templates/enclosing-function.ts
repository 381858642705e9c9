import ts from 'typescript';
import { isFunctionWithBody, isLoop, type FunctionWithBody } from '../localize/statement-kinds.js';

/** The innermost function around `node`, if any. */
export function enclosingFunction(node: ts.Node): FunctionWithBody | undefined {
  for (let a = node.parent; a; a = a.parent) if (isFunctionWithBody(a)) return a;
  return undefined;
}

/** Whether `node` sits in a loop body inside its own function (so `continue` is legal there). */
export function isInLoop(node: ts.Node): boolean {
  for (let a = node.parent; a && !isFunctionWithBody(a); a = a.parent) if (isLoop(a)) return true;
  return false;
}

/** `return` statements of `fn` itself (not of nested functions). */
export function ownReturns(fn: FunctionWithBody): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) found.push(node);
    if (!isFunctionWithBody(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** The name a function calls itself by (declaration name, or the variable it is assigned to). */
export function functionName(fn: FunctionWithBody): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
