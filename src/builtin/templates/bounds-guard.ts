import ts from 'typescript';
import type { Mutator } from '../mutators/mutator.js';
import { defaultReturns, returnStatement } from './default-values.js';
import { enclosingFunction, isInLoop } from './enclosing-function.js';
import { insertBefore } from './insert-before.js';
import { isGuardable, ownNodes } from './statement-expressions.js';

/** `if (i < 0 || i >= xs.length) return <default>;` before a statement that reads `xs[i]`. */
export const boundsGuard: Mutator = {
  name: 'bounds-guard',
  kind: 'template',
  prior: 0.12,
  *generate(node) {
    if (!isGuardable(node)) return;
    const fn = enclosingFunction(node);
    if (!fn) return;
    const exits = [...defaultReturns(fn).map(returnStatement), ...(isInLoop(node) ? ['continue;'] : [])];
    const seen = new Set<string>();
    for (const access of ownNodes(node)) {
      if (!ts.isElementAccessExpression(access) || !ts.isIdentifier(access.expression)) continue;
      const index = access.argumentExpression;
      if (ts.isNumericLiteral(index) || ts.isStringLiteralLike(index) || (ts.isBinaryExpression(access.parent) && access.parent.left === access)) continue;
      const condition = `${inParens(index)} < 0 || ${inParens(index)} >= ${access.expression.text}.length`;
      if (seen.has(condition)) continue;
      seen.add(condition);
      for (const exit of exits) yield insertBefore(node, `if (${condition}) ${exit}`, `guard: \`${access.getText()}\` out of bounds (${exit})`);
    }
  },
};

function inParens(index: ts.Expression): string {
  return ts.isIdentifier(index) || ts.isPropertyAccessExpression(index) ? index.getText() : `(${index.getText()})`;
}
