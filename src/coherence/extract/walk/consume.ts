import ts from 'typescript';
import { assertMethodOf, isExpectCall, readExpectChain } from '../assertion-chains.js';
import type { ValueUse } from '../observations.js';
import { applyAssert, applyExpectChain, applyThrowExpectation } from '../read-hints.js';
import type { TypeOf } from '../read-hints.js';
import type { WalkScope } from './scope.js';

/**
 * Records how the test treats a value: awaited, dropped, kept in a variable (whose later uses count for it),
 * asserted, or expected to throw. `results` holds the variables that keep a value, for the walk to follow.
 */
export function createConsumer(scope: WalkScope, typeOf: TypeOf) {
  const { at, symbolOf } = scope;
  const results = new Map<ts.Symbol, ValueUse>();

  /** How the test treats the value of `expression`: awaited, dropped, kept in a variable, asserted, expected to throw. */
  const consume = (expression: ts.Expression, use: ValueUse): void => {
    let current: ts.Expression = expression;
    for (;;) {
      const parent = current.parent;
      if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent))
        current = parent;
      else if (ts.isAwaitExpression(parent)) {
        use.awaited = true;
        current = parent;
      } else break;
    }
    const parent = current.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
      use.used = true;
      if (['then', 'catch', 'finally'].includes(parent.name.text)) use.awaited = true;
      const callback = ts.isCallExpression(parent.parent) && parent.name.text === 'then' ? parent.parent.arguments[0] : undefined;
      const settled = callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0]?.name : undefined;
      if (settled !== undefined && ts.isIdentifier(settled)) remember(settled, use);
      return;
    }
    if (ts.isExpressionStatement(parent)) {
      throwContext(parent, use);
      return;
    }
    // An arrow's expression body hands the value to whoever calls the arrow (`forEach`, a spy): not a use the tests check.
    if (ts.isArrowFunction(parent) && parent.body === current) {
      throwContext(parent, use);
      return;
    }
    use.used = true;
    if (ts.isVariableDeclaration(parent) && parent.initializer === current && ts.isIdentifier(parent.name)) remember(parent.name, use);
    else if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      parent.right === current &&
      ts.isIdentifier(parent.left)
    )
      remember(parent.left, use);
    else if (ts.isCallExpression(parent)) {
      const index = parent.arguments.indexOf(current);
      if (index === 0 && isExpectCall(parent)) applyExpectChain(readExpectChain(parent).steps, use, typeOf, at(parent));
      const method = assertMethodOf(parent);
      if (method !== undefined && index >= 0) applyAssert(method, parent, index, use, typeOf, at(parent));
    }
  };

  const remember = (name: ts.Identifier, use: ValueUse): void => {
    const symbol = symbolOf(name);
    if (symbol !== undefined) results.set(symbol, use);
  };

  /** A call that is the body of a function passed to `expect(…)` or `assert.throws/rejects(…)`: the errors expected of it. */
  const throwContext = (statement: ts.ExpressionStatement | ts.ArrowFunction, use: ValueUse): boolean => {
    const fn = ts.isExpressionStatement(statement) ? (ts.isBlock(statement.parent) ? statement.parent.parent : undefined) : statement;
    if (fn === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
    if (isExpectCall(call)) {
      applyThrowExpectation(readExpectChain(call).steps, use);
      return true;
    }
    const method = assertMethodOf(call);
    if (method === 'throws' || method === 'rejects' || method === 'isRejected') {
      applyAssert(method, call, 0, use, typeOf, at(call));
      return true;
    }
    return false;
  };

  return { consume, results: results as ReadonlyMap<ts.Symbol, ValueUse> };
}
