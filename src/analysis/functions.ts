import ts from 'typescript';
import { parseSource } from './parse.js';

/** The text ranges of the functions (declarations, methods, const arrows) named one of `names`. */
export function functionRanges(file: string, text: string, names: ReadonlySet<string>): { start: number; end: number }[] {
  return namedFunctions(parseSource(file, text), names).map(({ node }) => ({ start: node.getStart(), end: node.getEnd() }));
}

/** A named function: the node that names it (the declaration, or the `const` declaring an arrow) and the function itself. */
export interface NamedFunction {
  readonly node: ts.Node;
  readonly fn: ts.FunctionLikeDeclaration;
}

/** The functions of a file named one of `names`: declarations, methods and `const f = () => …`, in file order. */
export function namedFunctions(source: ts.SourceFile, names: ReadonlySet<string>): NamedFunction[] {
  const found: NamedFunction[] = [];
  const visit = (node: ts.Node): void => {
    const named = asNamedFunction(node);
    if (named !== undefined && names.has(named.name)) found.push({ node, fn: named.fn });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function asNamedFunction(node: ts.Node): { name: string; fn: ts.FunctionLikeDeclaration } | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name !== undefined && ts.isIdentifier(node.name))
    return { name: node.name.text, fn: node };
  if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer !== undefined &&
    (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
  ) {
    return { name: node.name.text, fn: node.initializer };
  }
  return undefined;
}
