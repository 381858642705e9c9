import ts from 'typescript';
import { literalValue, notLiteral, type Bindings } from './literal-value.js';

/** Iterations of one loop read at most: examples, not a simulation of the test. */
const maxIterations = 64;

/** A loop of a test whose variables take literal values: its body, once per iteration with those values bound. */
export interface LoopExpansion {
  readonly body: ts.Node;
  readonly iterations: readonly Bindings[];
}

/**
 * The iterations of the loops tests write to check many cases, when every value is a literal (or a bound name):
 * `for (const n of [0, 1, 2])`, `for (const [n, k] of [[5, 2], [4, 1]])`, `for (let n = 0; n < 6; n++)`,
 * `[1, 2].forEach((n) => …)` and `it.each([[1, 1], [5, 120]])('…', (n, expected) => …)`. Undefined for anything else.
 */
export function expandLoop(node: ts.Node, outer: Bindings): LoopExpansion | undefined {
  if (ts.isForOfStatement(node)) return forOf(node, outer);
  if (ts.isForStatement(node)) return counted(node, outer);
  if (ts.isCallExpression(node)) return forEach(node, outer) ?? each(node, outer);
  return undefined;
}

function forOf(node: ts.ForOfStatement, outer: Bindings): LoopExpansion | undefined {
  const list = node.initializer;
  const declaration = ts.isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0] : undefined;
  const items = literalValue(node.expression, outer);
  if (!declaration || !Array.isArray(items)) return undefined;
  return bindAll(node.statement, outer, items, (item) => bind(declaration.name, item));
}

function counted(node: ts.ForStatement, outer: Bindings): LoopExpansion | undefined {
  const list = node.initializer;
  const declaration = list && ts.isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0] : undefined;
  if (!declaration || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  const name = declaration.name.text;
  const start = literalValue(declaration.initializer, outer);
  const condition = node.condition;
  if (typeof start !== 'number' || !condition || !ts.isBinaryExpression(condition) || !isName(condition.left, name) || !isIncrement(node.incrementor, name))
    return undefined;
  const end = literalValue(condition.right, outer);
  const inclusive = condition.operatorToken.kind === ts.SyntaxKind.LessThanEqualsToken;
  if (typeof end !== 'number' || (!inclusive && condition.operatorToken.kind !== ts.SyntaxKind.LessThanToken)) return undefined;
  const items: number[] = [];
  for (let i = start; (inclusive ? i <= end : i < end) && items.length < maxIterations; i++) items.push(i);
  return bindAll(node.statement, outer, items, (i) => new Map([[name, i]]));
}

/** `[…].forEach((x) => …)` over a literal array. */
function forEach(node: ts.CallExpression, outer: Bindings): LoopExpansion | undefined {
  const callee = node.expression;
  const fn = node.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'forEach' || !fn || !isCallback(fn)) return undefined;
  const items = literalValue(callee.expression, outer);
  const param = fn.parameters[0];
  if (!Array.isArray(items) || !param) return undefined;
  return bindAll(fn.body, outer, items, (item) => bind(param.name, item));
}

/** `it.each(table)(name, (a, b) => …)` (also `test.each`, `describe.each`): one iteration per row, spread over the parameters. */
function each(node: ts.CallExpression, outer: Bindings): LoopExpansion | undefined {
  const inner = node.expression;
  const fn = node.arguments[1];
  if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression) || inner.expression.name.text !== 'each' || !fn || !isCallback(fn))
    return undefined;
  const rows = inner.arguments[0] ? literalValue(inner.arguments[0], outer) : notLiteral;
  if (!Array.isArray(rows)) return undefined;
  return bindAll(fn.body, outer, rows, (row) => {
    const values = Array.isArray(row) && fn.parameters.length > 1 ? row : [row];
    const bound = new Map<string, unknown>();
    for (const [i, param] of fn.parameters.entries()) {
      const names = bind(param.name, values[i]);
      if (!names) return undefined;
      for (const [name, value] of names) bound.set(name, value);
    }
    return bound;
  });
}

function bindAll(body: ts.Node, outer: Bindings, items: readonly unknown[], bindItem: (item: unknown) => Bindings | undefined): LoopExpansion | undefined {
  const iterations: Bindings[] = [];
  for (const item of items.slice(0, maxIterations)) {
    const bound = bindItem(item);
    if (!bound) return undefined;
    iterations.push(new Map([...outer, ...bound]));
  }
  return { body, iterations };
}

/** A name, or an array pattern of names (`[n, k]`), bound to a value. */
function bind(name: ts.BindingName, value: unknown): Bindings | undefined {
  if (ts.isIdentifier(name)) return new Map([[name.text, value]]);
  if (!ts.isArrayBindingPattern(name) || !Array.isArray(value)) return undefined;
  const bound = new Map<string, unknown>();
  for (const [i, element] of name.elements.entries()) {
    if (ts.isOmittedExpression(element)) continue;
    if (element.dotDotDotToken || !ts.isIdentifier(element.name)) return undefined;
    bound.set(element.name.text, value[i]);
  }
  return bound;
}

function isCallback(node: ts.Expression): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function isName(node: ts.Expression, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

function isIncrement(node: ts.Expression | undefined, name: string): boolean {
  if (!node) return false;
  if ((ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) && node.operator === ts.SyntaxKind.PlusPlusToken)
    return isName(node.operand, name);
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && isName(node.left, name) && literalValue(node.right) === 1;
}
