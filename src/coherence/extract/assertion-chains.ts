import ts from 'typescript';

/** One step after `expect(x)`: a matcher call (`toBe(3)`, `equal(3)`) or a property (`not`, `resolves`, chai's `true`). */
export interface ChainStep {
  readonly name: string;
  /** The arguments of a call; undefined for a property. */
  readonly args: readonly ts.Expression[] | undefined;
}

/** The steps of an `expect(…)` chain, in order, for vitest, jest and chai alike. */
export interface ExpectChain {
  readonly steps: readonly ChainStep[];
}

/** Whether a call is `expect(…)` (vitest, jest, chai's `expect`, `chai.expect`). */
export function isExpectCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'expect';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'expect' && ts.isIdentifier(callee.expression);
}

/** Reads the chain hanging off an `expect(…)` call: `expect(x).not.toBe(3)` → not, toBe(3). */
export function readExpectChain(expectCall: ts.CallExpression): ExpectChain {
  const steps: ChainStep[] = [];
  let node: ts.Expression = expectCall;
  for (;;) {
    const parent: ts.Node = node.parent;
    if (!ts.isPropertyAccessExpression(parent) || parent.expression !== node) break;
    const grand = parent.parent;
    if (ts.isCallExpression(grand) && grand.expression === parent) {
      steps.push({ name: parent.name.text, args: grand.arguments });
      node = grand;
    } else {
      steps.push({ name: parent.name.text, args: undefined });
      node = parent;
    }
  }
  return { steps };
}

/** The assertion a call makes when it is `assert(…)`, `assert.x(…)` or `t.assert.x(…)` (node:assert, chai's assert): its method name (`ok` for a bare call). */
export function assertMethodOf(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'assert' ? 'ok' : undefined;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const owner = callee.expression;
  const isAssert =
    (ts.isIdentifier(owner) && owner.text === 'assert') ||
    (ts.isPropertyAccessExpression(owner) && owner.name.text === 'assert') ||
    (ts.isIdentifier(owner) && owner.text === 'strict');
  return isAssert ? callee.name.text : undefined;
}

const throwMatchers = new Set([
  'toThrow',
  'toThrowError',
  'throw',
  'throws',
  'Throw',
  'rejectedWith',
  'toThrowErrorMatchingSnapshot',
  'toThrowErrorMatchingInlineSnapshot',
]);

/** Whether a chain step expects an error (`toThrow`, chai's `throw`, chai-as-promised's `rejectedWith`). */
export function isThrowStep(step: ChainStep): boolean {
  return throwMatchers.has(step.name) || (step.name === 'rejected' && step.args === undefined);
}

/**
 * The error class an expectation names: `toThrow(NotFoundError)` → `NotFoundError`; a message, a pattern or
 * nothing → `Error`; `toThrow(new X(…))` → `X`.
 */
export function errorClassNamed(argument: ts.Expression | undefined): string {
  if (argument === undefined) return 'Error';
  if (ts.isIdentifier(argument) || ts.isPropertyAccessExpression(argument)) {
    const name = ts.isIdentifier(argument) ? argument.text : argument.name.text;
    return /^[A-Z]/.test(name) ? name : 'Error';
  }
  if (ts.isNewExpression(argument)) return errorClassNamed(argument.expression);
  return 'Error';
}
