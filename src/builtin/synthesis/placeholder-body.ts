import ts from 'typescript';
import type { FunctionWithBody } from '../localize/statement-kinds.js';

/**
 * Whether a function's body is a placeholder people write before the real thing:
 * - one `throw new X(…)` of any class, with no message or a literal one (`'not implemented'`, `'TODO'`,
 *   "Remove this statement and implement this function", a scaffold's `NotImplementedError('not implemented: f')`);
 *   a message built from parameters is a deliberate error, not a placeholder;
 * - an empty body (not a constructor's, not declared `void`);
 * - `return undefined as any`, `return null as any`, `return 0 as any`, `return {} as any` (also `as unknown as T`)
 *   as the whole body, or as a concise arrow body.
 * Functions declared to return `never` only ever throw: they are never placeholders.
 */
export function isPlaceholderBody(fn: FunctionWithBody): boolean {
  if (ts.isConstructorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) return false;
  if (fn.type?.kind === ts.SyntaxKind.NeverKeyword) return false;
  if (!ts.isBlock(fn.body)) return isPlaceholderValue(fn.body);
  const statements = fn.body.statements;
  if (statements.length === 0) return fn.type?.kind !== ts.SyntaxKind.VoidKeyword;
  const only = statements[0];
  if (statements.length !== 1 || !only) return false;
  if (ts.isReturnStatement(only)) return only.expression !== undefined && isPlaceholderValue(only.expression);
  return ts.isThrowStatement(only) && isPlaceholderThrow(only.expression);
}

function isPlaceholderThrow(thrown: ts.Expression): boolean {
  if (!ts.isNewExpression(thrown)) return false;
  const args = thrown.arguments ?? [];
  return args.every((arg) => ts.isStringLiteralLike(arg));
}

/** `<literal> as any` (or `as unknown as T`): a value whose only purpose is to satisfy the type checker. */
function isPlaceholderValue(node: ts.Expression): boolean {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (!ts.isAsExpression(inner)) return false;
  const escapes =
    inner.type.kind === ts.SyntaxKind.AnyKeyword || (ts.isAsExpression(inner.expression) && inner.expression.type.kind === ts.SyntaxKind.UnknownKeyword);
  let value: ts.Expression = inner.expression;
  while (ts.isAsExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
  return escapes && isEmptyLiteral(value);
}

function isEmptyLiteral(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'undefined';
  if (node.kind === ts.SyntaxKind.NullKeyword || node.kind === ts.SyntaxKind.FalseKeyword || ts.isNumericLiteral(node) || ts.isStringLiteralLike(node))
    return true;
  if (ts.isObjectLiteralExpression(node)) return node.properties.length === 0;
  return ts.isArrayLiteralExpression(node) && node.elements.length === 0;
}
