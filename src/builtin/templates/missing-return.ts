import ts from 'typescript';
import type { MutationContext, Mutator } from '../mutators/mutator.js';
import { guessTypeNode } from '../mutators/scope.js';
import { isFunctionWithBody } from '../localize/statement-kinds.js';
import { enclosingFunction, ownReturns } from './enclosing-function.js';
import { insertAtEnd } from './insert-before.js';

/** The function whose body's last statement `node` is. */
function functionEndingWith(node: ts.Node): (ts.FunctionLikeDeclaration & { body: ts.Block }) | undefined {
  const block = node.parent;
  if (!block || !ts.isBlock(block) || block.statements[block.statements.length - 1] !== node) return undefined;
  const fn = block.parent;
  return fn && isFunctionWithBody(fn) && fn.body === block ? (fn as ts.FunctionLikeDeclaration & { body: ts.Block }) : undefined;
}

function returnsNothing(fn: ts.FunctionLikeDeclaration): boolean {
  return ts.isConstructorDeclaration(fn) || ts.isSetAccessorDeclaration(fn) || fn.type?.kind === ts.SyntaxKind.VoidKeyword;
}

function isSideEffectOnly(expression: ts.Expression): boolean {
  return (
    (ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      expression.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
    ts.isPostfixUnaryExpression(expression) ||
    ts.isDeleteExpression(expression) ||
    (ts.isPrefixUnaryExpression(expression) && (expression.operator === ts.SyntaxKind.PlusPlusToken || expression.operator === ts.SyntaxKind.MinusMinusToken))
  );
}

/**
 * A function that computes but never returns: its last expression statement becomes `return expr;`, or, for
 * a function declared to return something, `return <local>;` is appended for each local of a fitting type.
 */
export const missingReturn: Mutator = {
  name: 'missing-return',
  kind: 'template',
  prior: 0.3,
  *generate(node, context) {
    yield* discardedCall(node);
    const fn = functionEndingWith(node);
    if (!fn || returnsNothing(fn)) return;
    const returns = ownReturns(fn);
    if (ts.isExpressionStatement(node) && !isSideEffectOnly(node.expression) && returns.every((r) => !r.expression)) {
      yield { start: node.getStart(), end: node.end, text: `return ${node.expression.getText()};`, node: 'statement', description: 'last expression returned' };
    }
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) return;
    if (!fn.type && returns.every((r) => !r.expression)) return;
    yield* returnLocals(node, fn, context);
  },
};

function* returnLocals(node: ts.Node, fn: ts.FunctionLikeDeclaration & { body: ts.Block }, context: MutationContext): Iterable<ReturnType<typeof insertAtEnd>> {
  const wanted = fn.type ? guessTypeNode(fn.type) : 'unknown';
  for (const variable of context.variablesAt(node)) {
    if (variable.kind !== 'local' || variable.declaration.pos < fn.body.pos || variable.declaration.end > fn.body.end) continue;
    if (wanted !== 'unknown' && variable.type !== 'unknown' && variable.type !== wanted) continue;
    yield insertAtEnd(fn.body, `return ${variable.name};`, `\`return ${variable.name};\` added`);
  }
}

/**
 * A call whose result is thrown away inside a function that returns values elsewhere, typically a recursive
 * step (`contains(node.left, value);` where `return contains(…)` was meant), becomes `return call;`.
 */
function* discardedCall(node: ts.Node): Iterable<{ start: number; end: number; text: string; node: 'statement'; description: string }> {
  if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return;
  const fn = enclosingFunction(node);
  if (!fn || returnsNothing(fn) || !ownReturns(fn).some((r) => r.expression !== undefined)) return;
  const callee = node.expression.expression;
  const recursive = ts.isIdentifier(callee) && fn.name !== undefined && ts.isIdentifier(fn.name) && fn.name.text === callee.text;
  yield {
    start: node.getStart(),
    end: node.end,
    text: `return ${node.expression.getText()};`,
    node: 'statement',
    description: recursive ? 'result of the recursive call returned' : 'discarded call result returned',
  };
}
