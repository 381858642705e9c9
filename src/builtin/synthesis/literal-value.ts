import ts from 'typescript';

/** Marks an expression that is not a literal value. */
export const notLiteral: unique symbol = Symbol('not a literal');

/** Values of names bound by the loops around an expression (`for (const n of [1, 2])`). */
export type Bindings = ReadonlyMap<string, unknown>;

const arithmetic: Readonly<Partial<Record<ts.SyntaxKind, (x: number, y: number) => number>>> = {
  [ts.SyntaxKind.PlusToken]: (x, y) => x + y,
  [ts.SyntaxKind.MinusToken]: (x, y) => x - y,
  [ts.SyntaxKind.AsteriskToken]: (x, y) => x * y,
};

/**
 * The value of a literal expression (numbers, strings, booleans, null, undefined, arrays and objects of them).
 * With `bindings`, names bound by enclosing loops count as literals, and so do `+ - *` of numbers over them
 * (`choose(n, n - 1)` in a loop over `n`).
 */
export function literalValue(node: ts.Expression, bindings?: Bindings): unknown {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalValue(node.expression, bindings);
  if (bindings && ts.isIdentifier(node) && bindings.has(node.text)) return bindings.get(node.text);
  if (bindings && ts.isBinaryExpression(node)) {
    const operate = arithmetic[node.operatorToken.kind];
    const [x, y] = [literalValue(node.left, bindings), literalValue(node.right, bindings)];
    return operate && typeof x === 'number' && typeof y === 'number' ? operate(x, y) : notLiteral;
  }
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const value = literalValue(node.operand, bindings);
    return typeof value === 'number' ? -value : notLiteral;
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node)) return node.text === 'undefined' ? undefined : node.text === 'NaN' ? NaN : node.text === 'Infinity' ? Infinity : notLiteral;
  if (ts.isArrayLiteralExpression(node)) {
    const values = node.elements.map((e) => literalValue(e, bindings));
    return values.includes(notLiteral) ? notLiteral : values;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const entries: [string, unknown][] = [];
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return notLiteral;
      const value = literalValue(property.initializer, bindings);
      if (value === notLiteral) return notLiteral;
      entries.push([property.name.text, value]);
    }
    return Object.fromEntries(entries);
  }
  return notLiteral;
}
