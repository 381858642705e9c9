import ts from 'typescript';
import { namedFunctions } from '../../analysis/functions.js';
import { parseSource } from '../../analysis/parse.js';

/** A region of a file to regenerate: offsets into its text, whole lines. */
export interface Mask {
  readonly start: number;
  readonly end: number;
  /** 1-based, inclusive. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** How much to mask: the statement at the fault, or the body of the function around it. */
export type MaskScope = 'statement' | 'body';

type FunctionLike = ts.FunctionLikeDeclaration & { body?: ts.ConciseBody };

/**
 * The region to mask around a suspected fault line (1-based). `statement`: the innermost statement on that
 * line, widened to whole lines; `body`: the statements of the innermost function containing it. Undefined
 * when the line is outside any function. Pure.
 */
export function chooseMask(file: string, text: string, line: number, scope: MaskScope): Mask | undefined {
  const source = parseSource(file, text);
  const position = lineStart(source, line);
  if (position === undefined) return undefined;
  const fn = innermost(
    source,
    position,
    (node): node is FunctionLike => ts.isFunctionLike(node) && 'body' in node && node.body !== undefined && ts.isBlock(node.body),
  );
  const body = fn?.body;
  if (body === undefined || !ts.isBlock(body) || body.statements.length === 0) return undefined;
  if (scope === 'body') {
    return wholeLines(source, body.statements[0]!.getStart(source), body.statements.at(-1)!.getEnd());
  }
  const statement = innermost(source, position, (node): node is ts.Statement => isMaskableStatement(node) && node.getStart(source) <= lineEnd(source, line));
  return statement ? wholeLines(source, statement.getStart(source), statement.getEnd()) : undefined;
}

/** The first line of the body of the first function named one of `names` (declarations, methods, const arrows). */
export function findFunctionLine(file: string, text: string, names: ReadonlySet<string>): number | undefined {
  const source = parseSource(file, text);
  for (const { fn } of namedFunctions(source, names)) {
    const body = fn.body;
    if (body !== undefined && ts.isBlock(body) && body.statements.length > 0) {
      return source.getLineAndCharacterOfPosition(body.statements[0]!.getStart(source)).line + 1;
    }
  }
  return undefined;
}

function isMaskableStatement(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) && !ts.isBlock(node) && !ts.isFunctionDeclaration(node) && !ts.isClassDeclaration(node);
}

function innermost<T extends ts.Node>(source: ts.SourceFile, position: number, match: (node: ts.Node) => node is T): T | undefined {
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getFullStart() || position > node.getEnd()) return;
    if (match(node) && node.getStart(source) <= lineEnd(source, source.getLineAndCharacterOfPosition(position).line + 1)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function lineStart(source: ts.SourceFile, line: number): number | undefined {
  const starts = source.getLineStarts();
  const start = starts[line - 1];
  if (start === undefined) return undefined;
  // The first non-blank character, so that the position falls inside the statement rather than before it.
  const text = source.text;
  let p = start;
  while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
  return p;
}

function lineEnd(source: ts.SourceFile, line: number): number {
  const next = source.getLineStarts()[line];
  return next === undefined ? source.text.length : next - 1;
}

function wholeLines(source: ts.SourceFile, start: number, end: number): Mask {
  const first = source.getLineAndCharacterOfPosition(start).line;
  const last = source.getLineAndCharacterOfPosition(end).line;
  const starts = source.getLineStarts();
  return { start: starts[first]!, end: starts[last + 1] ?? source.text.length, firstLine: first + 1, lastLine: last + 1 };
}
