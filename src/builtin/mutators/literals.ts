import ts from 'typescript';
import type { Mutator } from './mutator.js';
import { isSwitchable, replaceNode } from './switchable.js';

/** A numeric literal's value, `-1` included (a prefix minus on a literal). */
function numericValue(node: ts.Node): number | undefined {
  if (ts.isNumericLiteral(node) && !ts.isPrefixUnaryExpression(node.parent)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  return undefined;
}

function alternatives(node: ts.Node): string[] {
  const value = numericValue(node);
  if (value !== undefined) {
    const options = [0, 1, -1, value + 1, value - 1].filter((v) => v !== value && Number.isFinite(v));
    return [...new Set(options)].map(String);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text === '' ? [] : ["''"];
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return ['false'];
    case ts.SyntaxKind.FalseKeyword:
      return ['true'];
    case ts.SyntaxKind.NullKeyword:
      return ['undefined'];
    default:
      return ts.isIdentifier(node) && node.text === 'undefined' ? ['null'] : [];
  }
}

/** Numbers → 0, 1, -1, n±1; strings → `''`; booleans flipped; `null` ↔ `undefined`. */
export const literalReplacement: Mutator = {
  name: 'literal-replacement',
  kind: 'mutator',
  prior: 0.25,
  *generate(node) {
    if (!isSwitchable(node) || (ts.isStringLiteral(node) && (ts.isImportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent)))) return;
    for (const text of alternatives(node)) {
      const change = replaceNode(node, text, `\`${node.getText()}\` → \`${text}\``);
      if (change) yield change;
    }
  },
};
