import ts from 'typescript';

/** Marks an expression that is not a literal value. */
export const notLiteral: unique symbol = Symbol('not a literal');

/** The value of a literal expression (numbers, strings, booleans, null, undefined, arrays and objects of them). */
export function literalValue(node: ts.Expression): unknown {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalValue(node.expression);
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const value = literalValue(node.operand);
    return typeof value === 'number' ? -value : notLiteral;
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node)) return node.text === 'undefined' ? undefined : node.text === 'NaN' ? NaN : node.text === 'Infinity' ? Infinity : notLiteral;
  if (ts.isArrayLiteralExpression(node)) {
    const values = node.elements.map((e) => literalValue(e));
    return values.includes(notLiteral) ? notLiteral : values;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const entries: [string, unknown][] = [];
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return notLiteral;
      const value = literalValue(property.initializer);
      if (value === notLiteral) return notLiteral;
      entries.push([property.name.text, value]);
    }
    return Object.fromEntries(entries);
  }
  return notLiteral;
}
