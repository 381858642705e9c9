import ts from 'typescript';
import { isFunctionWithBody, type FunctionWithBody } from '../localize/statement-kinds.js';
import { parseSource } from '../../analysis/parse.js';
import { functionName } from '../templates/enclosing-function.js';

/** A function with no implementation yet, whose body synthesis may fill. */
export interface Stub {
  readonly file: string;
  readonly name: string;
  readonly params: readonly string[];
  /** 1-based line of the function. */
  readonly line: number;
  /** The range a `return …;` replaces: the body's statements, or an empty range inside `{}`. */
  readonly start: number;
  readonly end: number;
  /** The annotated return type's text, if any. */
  readonly returnType?: string;
}

const notImplemented = /not\s*(yet\s*)?implemented|unimplemented|todo|stub/i;

/**
 * Functions whose body only throws a "not implemented"-style error (or any `new Error()` without a message),
 * and empty bodies of functions annotated to return something. Only simple identifier parameters qualify.
 */
export function findStubs(file: string, text: string): Stub[] {
  const sourceFile = parseSource(file, text);
  const stubs: Stub[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node) && ts.isBlock(node.body) && isStubBody(node)) {
      const name = functionName(node);
      const params = node.parameters.map((p) => (ts.isIdentifier(p.name) && !p.dotDotDotToken ? p.name.text : undefined));
      if (name && params.every((p): p is string => p !== undefined)) {
        const statements = node.body.statements;
        const first = statements[0];
        const last = statements[statements.length - 1];
        const start = first ? first.getStart(sourceFile) : node.body.getStart(sourceFile) + 1;
        stubs.push({
          file,
          name,
          params,
          line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
          start,
          end: last ? last.end : start,
          ...(node.type ? { returnType: node.type.getText(sourceFile) } : {}),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return stubs;
}

function isStubBody(fn: FunctionWithBody): boolean {
  if (!ts.isBlock(fn.body)) return false;
  const statements = fn.body.statements;
  if (statements.length === 0) return !!fn.type && fn.type.kind !== ts.SyntaxKind.VoidKeyword && !ts.isConstructorDeclaration(fn);
  const only = statements[0];
  if (statements.length !== 1 || !only || !ts.isThrowStatement(only) || !ts.isNewExpression(only.expression)) return false;
  const message = only.expression.arguments?.[0];
  if (!message) return true;
  return ts.isStringLiteralLike(message) && notImplemented.test(message.text);
}
