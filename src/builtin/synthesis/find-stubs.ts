import ts from 'typescript';
import { isFunctionWithBody, type FunctionWithBody } from '../localize/statement-kinds.js';
import { parseSource } from '../../analysis/parse.js';
import { functionName } from '../templates/enclosing-function.js';
import { literalValue, notLiteral } from './literal-value.js';
import { isPlaceholderBody } from './placeholder-body.js';

/** A function with no implementation yet, whose body synthesis may fill. */
export interface Stub {
  readonly file: string;
  readonly name: string;
  readonly params: readonly string[];
  /** Each parameter's annotated type's text ('' when none). */
  readonly paramTypes: readonly string[];
  /** Each parameter's literal default (`n = 1`), `notLiteral` when it has none or it is not a literal. */
  readonly defaults: readonly unknown[];
  /** 1-based line of the function. */
  readonly line: number;
  /**
   * The range the new body replaces: the block's statements (or an empty range inside `{}`), or a concise
   * arrow body (`expression` is then true and the replacement is a block).
   */
  readonly start: number;
  readonly end: number;
  readonly expression?: boolean;
  /** The indentation of the body's statements. */
  readonly indent: string;
  /** The annotated return type's text, if any. */
  readonly returnType?: string;
  /**
   * How the function calls itself and its module's other functions: bare for functions and consts,
   * `this.` for instance methods (`undefined` for anything else: no recursion or sibling calls there).
   */
  readonly callPrefix?: '' | 'this.';
}

/**
 * Functions whose body is a placeholder (see `isPlaceholderBody`): one `throw`, an empty body, or
 * `return <literal> as any`. Only simple parameters qualify (identifiers, typed or with defaults; no rest, no patterns).
 */
export function findStubs(file: string, text: string): Stub[] {
  const sourceFile = parseSource(file, text);
  const stubs: Stub[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node) && isPlaceholderBody(node)) {
      const stub = describeStub(file, sourceFile, node);
      if (stub) stubs.push(stub);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return stubs;
}

function describeStub(file: string, sourceFile: ts.SourceFile, node: FunctionWithBody): Stub | undefined {
  const name = functionName(node);
  const params = node.parameters.map((p) => (ts.isIdentifier(p.name) && !p.dotDotDotToken ? p.name.text : undefined));
  if (!name || !params.every((p): p is string => p !== undefined)) return undefined;
  const body = node.body;
  const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const functionIndent = indentAt(sourceFile, node.getStart(sourceFile));
  const range = ts.isBlock(body) ? blockRange(sourceFile, body) : { start: body.getStart(sourceFile), end: body.end, expression: true };
  const statementIndent = ts.isBlock(body) && body.statements[0] ? indentAt(sourceFile, body.statements[0].getStart(sourceFile)) : `${functionIndent}  `;
  const callPrefix = ts.isMethodDeclaration(node)
    ? isStatic(node)
      ? undefined
      : 'this.'
    : ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node.parent)
      ? ''
      : undefined;
  return {
    file,
    name,
    params,
    paramTypes: node.parameters.map((p) => p.type?.getText(sourceFile) ?? ''),
    defaults: node.parameters.map((p) => (p.initializer ? literalValue(p.initializer) : notLiteral)),
    line,
    ...range,
    indent: statementIndent,
    ...(node.type ? { returnType: node.type.getText(sourceFile) } : {}),
    ...(callPrefix !== undefined ? { callPrefix } : {}),
  };
}

function blockRange(sourceFile: ts.SourceFile, body: ts.Block): { start: number; end: number } {
  const first = body.statements[0];
  const last = body.statements[body.statements.length - 1];
  const start = first ? first.getStart(sourceFile) : body.getStart(sourceFile) + 1;
  return { start, end: last ? last.end : start };
}

function indentAt(sourceFile: ts.SourceFile, position: number): string {
  const lineStart = sourceFile.getPositionOfLineAndCharacter(sourceFile.getLineAndCharacterOfPosition(position).line, 0);
  return /^[ \t]*/.exec(sourceFile.text.slice(lineStart, position))?.[0] ?? '';
}

function isStatic(node: ts.MethodDeclaration): boolean {
  return (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
}
