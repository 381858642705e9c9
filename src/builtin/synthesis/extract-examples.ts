import ts from 'typescript';
import { parseSource } from '../../analysis/parse.js';
import { literalValue, notLiteral, type Bindings } from './literal-value.js';
import { expandLoop } from './loop-bindings.js';

/** One input/output example of a function, read from a test assertion. */
export interface Example {
  readonly args: readonly unknown[];
  readonly expected: unknown;
  /** `toBe` compares with Object.is; `toEqual`/`toStrictEqual` deeply. */
  readonly equality: 'same' | 'deep';
}

const matchers: Readonly<Record<string, Example['equality']>> = { toBe: 'same', toEqual: 'deep', toStrictEqual: 'deep' };
const noArgMatchers: Readonly<Record<string, unknown>> = { toBeNull: null, toBeUndefined: undefined, toBeTruthy: true, toBeFalsy: false };
const asserts: Readonly<Record<string, Example['equality']>> = { equal: 'same', strictEqual: 'same', deepEqual: 'deep', deepStrictEqual: 'deep' };

/** Examples read from one test file at most: loops nested in loops multiply. */
const maxExamples = 2_000;

/**
 * Examples of `functionName` from vitest/jest assertions (`expect(f(1, 2)).toBe(3)`, `toEqual`, `toStrictEqual`,
 * `toBeNull()`…) and node:assert (`assert.equal(f(1), 2)`), where the arguments and the value are literals, or
 * names a loop binds to literals (see `expandLoop`): one example per iteration.
 * `toBeTruthy`/`toBeFalsy` are read as `true`/`false`: good enough for predicates.
 */
export function extractExamples(testText: string, functionName: string, file = 'example.test.ts'): Example[] {
  const examples: Example[] = [];
  const visit = (node: ts.Node, bindings: Bindings): void => {
    if (examples.length >= maxExamples) return;
    const loop = expandLoop(node, bindings);
    if (loop) {
      for (const iteration of loop.iterations) visit(loop.body, iteration);
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const example = fromExpect(node, node.expression, functionName, bindings) ?? fromAssert(node, node.expression, functionName, bindings);
      if (example) examples.push(example);
    }
    ts.forEachChild(node, (child) => visit(child, bindings));
  };
  visit(parseSource(file, testText), new Map());
  return examples;
}

function fromExpect(call: ts.CallExpression, callee: ts.PropertyAccessExpression, name: string, bindings: Bindings): Example | undefined {
  const matcher = callee.name.text;
  const subject = callee.expression;
  if (!ts.isCallExpression(subject) || !ts.isIdentifier(subject.expression) || subject.expression.text !== 'expect') return undefined;
  const args = argsOfCallTo(subject.arguments[0], name, bindings);
  if (!args) return undefined;
  if (Object.hasOwn(noArgMatchers, matcher)) return { args, expected: noArgMatchers[matcher], equality: 'same' };
  const equality = Object.hasOwn(matchers, matcher) ? matchers[matcher] : undefined;
  const expectedNode = call.arguments[0];
  const expected = expectedNode ? literalValue(expectedNode, bindings) : notLiteral;
  return equality && expected !== notLiteral ? { args, expected, equality } : undefined;
}

function fromAssert(call: ts.CallExpression, callee: ts.PropertyAccessExpression, name: string, bindings: Bindings): Example | undefined {
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'assert' || !Object.hasOwn(asserts, callee.name.text)) return undefined;
  const args = argsOfCallTo(call.arguments[0], name, bindings);
  const expectedNode = call.arguments[1];
  const expected = expectedNode ? literalValue(expectedNode, bindings) : notLiteral;
  const equality = asserts[callee.name.text];
  return args && equality && expected !== notLiteral ? { args, expected, equality } : undefined;
}

/** The literal arguments of `name(…)` or `x.name(…)`, else undefined. */
function argsOfCallTo(node: ts.Expression | undefined, name: string, bindings: Bindings): unknown[] | undefined {
  if (!node || !ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const calledName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (calledName !== name) return undefined;
  const args = node.arguments.map((a) => literalValue(a, bindings));
  return args.includes(notLiteral) ? undefined : args;
}
