import ts from 'typescript';
import { unwrapExpression } from '../../analysis/parse.js';
import type { Evidence } from '../contract-model.js';
import type { ChainStep } from './assertion-chains.js';
import { errorClassNamed, isThrowStep } from './assertion-chains.js';
import type { ValueUse } from './observations.js';

/** The type text of an expression of a test (value-types.ts). */
export type TypeOf = (expression: ts.Expression) => string;

const equalityMatchers = new Set([
  'toBe',
  'toEqual',
  'toStrictEqual',
  'equal',
  'equals',
  'eq',
  'eql',
  'deepEqual',
  'deepStrictEqual',
  'strictEqual',
  'sameMembers',
]);
const numberMatchers = new Set([
  'toBeCloseTo',
  'toBeGreaterThan',
  'toBeGreaterThanOrEqual',
  'toBeLessThan',
  'toBeLessThanOrEqual',
  'closeTo',
  'approximately',
  'above',
  'below',
  'greaterThan',
  'lessThan',
  'least',
  'most',
  'within',
  'gt',
  'gte',
  'lt',
  'lte',
  'isAbove',
  'isBelow',
  'isAtLeast',
  'isAtMost',
  'toBeNaN',
  'NaN',
  'finite',
  'isFinite',
]);
const booleanMatchers = new Set(['toBeTruthy', 'toBeFalsy', 'ok', 'true', 'false', 'isTrue', 'isFalse', 'isOk', 'isNotOk', 'notOk']);
const lengthMatchers = new Set(['toHaveLength', 'lengthOf', 'length', 'empty', 'isEmpty', 'isNotEmpty']);
const containMatchers = new Set(['toContain', 'include', 'includes', 'contain', 'contains']);
const instanceMatchers = new Set(['toBeInstanceOf', 'instanceof', 'instanceOf', 'an.instanceof']);
const typeNames: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  array: 'unknown[]',
  bigint: 'bigint',
  function: '(...args: unknown[]) => unknown',
};

/**
 * What an `expect(value)` chain says of the value: result hints, awaiting (`resolves`, `rejects`) and expected
 * errors (`rejects.toThrow(X)`). A negated chain (`not`) says nothing of the type.
 */
export function applyExpectChain(steps: readonly ChainStep[], use: ValueUse, typeOf: TypeOf, evidence: Evidence): void {
  let negated = false;
  let rejects = false;
  for (const step of steps) {
    if (step.name === 'not') negated = !negated;
    else if (step.name === 'resolves' || step.name === 'eventually' || step.name === 'fulfilled') use.awaited = true;
    else if (step.name === 'rejects' || (step.name === 'rejected' && step.args === undefined)) {
      use.awaited = true;
      rejects = true;
      if (step.name === 'rejected' && !negated) use.throws.push('Error');
    } else if (isThrowStep(step)) {
      if (rejects && !negated) use.throws.push(errorClassNamed(step.args?.[0]));
    } else if (!negated && !rejects) applyMatcher(step, use, typeOf, evidence);
  }
}

/**
 * What an `expect(fn)` chain says of calling `fn` (`toThrow(X)`, chai's `to.throw(X)`, `rejects.toThrow(X)`):
 * the errors expected, and awaiting for `rejects`.
 */
export function applyThrowExpectation(steps: readonly ChainStep[], use: ValueUse): void {
  let negated = false;
  for (const step of steps) {
    if (step.name === 'not') negated = !negated;
    else if (step.name === 'rejects') use.awaited = true;
    else if (isThrowStep(step) && !negated) use.throws.push(errorClassNamed(step.args?.[0]));
  }
}

function applyMatcher(step: ChainStep, use: ValueUse, typeOf: TypeOf, evidence: Evidence): void {
  const { name, args } = step;
  const first = args?.[0];
  if (args === undefined && name === 'null') use.hints.push({ kind: 'nullable', type: 'null', evidence });
  else if (args === undefined && name === 'undefined') use.hints.push({ kind: 'nullable', type: 'undefined', evidence });
  else if (booleanMatchers.has(name)) use.hints.push({ kind: 'boolean', evidence });
  else if (name === 'toBeNull') use.hints.push({ kind: 'nullable', type: 'null', evidence });
  else if (name === 'toBeUndefined') use.hints.push({ kind: 'nullable', type: 'undefined', evidence });
  else if (lengthMatchers.has(name)) use.hints.push({ kind: 'length', evidence });
  else if (numberMatchers.has(name)) use.hints.push({ kind: 'exact', type: 'number', evidence });
  else if (first === undefined) return;
  else if (equalityMatchers.has(name)) pushValueHint(first, use, typeOf, evidence);
  else if (instanceMatchers.has(name)) use.hints.push({ kind: 'exact', type: first.getText(), evidence });
  else if (containMatchers.has(name)) use.hints.push({ kind: 'contains', element: typeOf(first), evidence });
  else if (name === 'toContainEqual') use.hints.push({ kind: 'exact', type: arrayOf(typeOf(first)), evidence });
  else if (name === 'toMatch' || name === 'match' || name === 'matches') use.hints.push({ kind: 'exact', type: 'string', evidence });
  else if (name === 'toMatchObject') use.hints.push({ kind: 'object', type: typeOf(first), evidence });
  else if ((name === 'a' || name === 'an') && ts.isStringLiteralLike(first)) pushTypeName(first.text, use, evidence);
}

function pushValueHint(expected: ts.Expression, use: ValueUse, typeOf: TypeOf, evidence: Evidence): void {
  const inner = unwrapExpression(expected);
  if (inner.kind === ts.SyntaxKind.NullKeyword) use.hints.push({ kind: 'nullable', type: 'null', evidence });
  else if (ts.isIdentifier(inner) && inner.text === 'undefined') use.hints.push({ kind: 'nullable', type: 'undefined', evidence });
  else if (inner.kind === ts.SyntaxKind.TrueKeyword || inner.kind === ts.SyntaxKind.FalseKeyword) use.hints.push({ kind: 'boolean', evidence });
  else {
    const type = typeOf(inner);
    if (type !== 'unknown') use.hints.push({ kind: 'exact', type, evidence });
  }
}

function pushTypeName(name: string, use: ValueUse, evidence: Evidence): void {
  const type = typeNames[name.toLowerCase()];
  if (type !== undefined) use.hints.push({ kind: 'exact', type, evidence });
  else if (name.toLowerCase() === 'object') use.hints.push({ kind: 'object', type: 'object', evidence });
}

function arrayOf(element: string): string {
  return element.includes('|') || element.includes('=>') ? `(${element})[]` : `${element}[]`;
}

/** Chai's `assert.isString(x)` family: the type each one names. */
const assertTypeChecks: Record<string, string> = { isString: 'string', isNumber: 'number', isBoolean: 'boolean', isArray: 'array', isFunction: 'function' };

/**
 * What `assert.x(…)` says of the value at `index` among its arguments (node:assert and chai's assert):
 * equality with the other argument, truthiness, null, length, instance type, throws and rejects.
 */
export function applyAssert(method: string, call: ts.CallExpression, index: number, use: ValueUse, typeOf: TypeOf, evidence: Evidence): void {
  const other = call.arguments[index === 0 ? 1 : 0];
  if (method === 'throws' || method === 'rejects' || method === 'isRejected') {
    if (index !== 0) return;
    if (method !== 'throws') use.awaited = true;
    use.throws.push(errorClassNamed(call.arguments[1]));
    return;
  }
  if (index !== 0 && !equalityMatchers.has(method)) return;
  if (equalityMatchers.has(method) && other !== undefined) pushValueHint(other, use, typeOf, evidence);
  else if (booleanMatchers.has(method)) use.hints.push({ kind: 'boolean', evidence });
  else if (method === 'isNull') use.hints.push({ kind: 'nullable', type: 'null', evidence });
  else if (method === 'isUndefined') use.hints.push({ kind: 'nullable', type: 'undefined', evidence });
  else if (lengthMatchers.has(method)) use.hints.push({ kind: 'length', evidence });
  else if (numberMatchers.has(method)) use.hints.push({ kind: 'exact', type: 'number', evidence });
  else if (method === 'match' || method === 'doesNotMatch') use.hints.push({ kind: 'exact', type: 'string', evidence });
  else if (instanceMatchers.has(method) && other !== undefined) use.hints.push({ kind: 'exact', type: other.getText(), evidence });
  else if (containMatchers.has(method) && other !== undefined) use.hints.push({ kind: 'contains', element: typeOf(other), evidence });
  else if (method === 'typeOf' && other !== undefined && ts.isStringLiteralLike(other)) pushTypeName(other.text, use, evidence);
  else if (assertTypeChecks[method] !== undefined) pushTypeName(assertTypeChecks[method], use, evidence);
}
