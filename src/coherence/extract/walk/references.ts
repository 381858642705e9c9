import ts from 'typescript';
import { assertMethodOf, isExpectCall, readExpectChain } from '../assertion-chains.js';
import type { ExportReading, Use, ValueUse } from '../observations.js';
import { newValueUse } from '../observations.js';
import { applyAssert, applyThrowExpectation } from '../read-hints.js';
import type { TypeOf } from '../read-hints.js';
import type { WalkScope } from './scope.js';

const classReferenceMatchers = new Set(['toBeInstanceOf', 'instanceof', 'instanceOf', 'isPrototypeOf']);
const errorReferenceMatchers = new Set(['toThrow', 'toThrowError', 'throw', 'throws', 'Throw', 'rejectedWith', 'rejects']);

/**
 * Reads an export named without being called: a class in a throw or instance expectation, a function expected
 * to throw (`expect(f).toThrow(X)`), or a plain value, whose use `consume` records.
 */
export function createReferenceReader(scope: WalkScope, typeOf: TypeOf, consume: (expression: ts.Expression, use: ValueUse) => void) {
  const { at } = scope;

  /** For `expect(f).toThrow(X)` and `assert.throws(f, X)`: what to record of `f`. */
  const throwExpectationOf = (call: ts.CallExpression, index: number): ((use: ValueUse) => void) | undefined => {
    if (index !== 0) return undefined;
    if (isExpectCall(call)) {
      const steps = readExpectChain(call).steps;
      if (!steps.some((step) => errorReferenceMatchers.has(step.name))) return undefined;
      return (use) => applyThrowExpectation(steps, use);
    }
    const method = assertMethodOf(call);
    if (method !== 'throws' && method !== 'rejects') return undefined;
    return (use) => applyAssert(method, call, 0, use, typeOf, at(call));
  };

  return (node: ts.Expression, reading: ExportReading): void => {
    const parent = node.parent;
    if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
      reading.uses.push({ kind: 'class-reference', error: false, evidence: at(node) });
      return;
    }
    if (ts.isCallExpression(parent) && parent.arguments.includes(node)) {
      const index = parent.arguments.indexOf(node);
      const matcher = ts.isPropertyAccessExpression(parent.expression) ? parent.expression.name.text : undefined;
      const method = assertMethodOf(parent);
      const classUse = method !== undefined ? assertedClass(method, index) : matcher !== undefined ? matchedClass(matcher) : undefined;
      if (classUse !== undefined) {
        reading.uses.push({ kind: 'class-reference', error: classUse === 'error', evidence: at(node) });
        return;
      }
      const throwing = throwExpectationOf(parent, index);
      if (throwing !== undefined) {
        const use: Use = { kind: 'throws', evidence: at(node), ...newValueUse() };
        throwing(use);
        reading.uses.push(use);
        return;
      }
    }
    const use: Use = { kind: 'value', evidence: at(node), ...newValueUse() };
    reading.uses.push(use);
    consume(node, use);
  };
}

/** `assert.throws(f, X)` names an error class, `assert.instanceOf(x, X)` a class. */
function assertedClass(method: string, index: number): 'error' | 'class' | undefined {
  if (index !== 1) return undefined;
  if (method === 'throws' || method === 'rejects' || method === 'isRejected') return 'error';
  return classReferenceMatchers.has(method) ? 'class' : undefined;
}

/** `toThrow(X)` names an error class, `toBeInstanceOf(X)` a class. */
function matchedClass(matcher: string): 'error' | 'class' | undefined {
  if (errorReferenceMatchers.has(matcher)) return 'error';
  return classReferenceMatchers.has(matcher) ? 'class' : undefined;
}
