import ts from 'typescript';
import { unwrapExpression } from '../../../analysis/parse.js';
import type { WalkScope } from './scope.js';
import type { Targets } from './targets.js';

/**
 * The first pass over a test file: variables that hold instances of imported classes go into the scope's
 * `instances`, those that hold what an imported function returned into its `results`, and the call sites of the file's own functions are returned (their arguments type their parameters).
 */
export function firstPass(scope: WalkScope, targets: Targets): Map<ts.Symbol, ts.CallExpression[]> {
  const { input, symbolOf, instances, results } = scope;
  const localCalls = new Map<ts.Symbol, ts.CallExpression[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const made =
        node.initializer !== undefined && ts.isNewExpression(unwrapExpression(node.initializer))
          ? targets.constructed(unwrapExpression(node.initializer) as ts.NewExpression)
          : undefined;
      const declared = node.type !== undefined && ts.isTypeReferenceNode(node.type) ? targets.typeTarget(node.type.typeName) : undefined;
      const reading = made ?? declared ?? targets.factoryOf(node.initializer);
      const symbol = symbolOf(node.name);
      if (reading !== undefined && symbol !== undefined) instances.set(symbol, reading);
      const maker = reading === undefined ? targets.madeBy(node.initializer) : undefined;
      if (maker !== undefined && symbol !== undefined) results.set(symbol, maker);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
      const right = unwrapExpression(node.right);
      const made = ts.isNewExpression(right) ? targets.constructed(right) : undefined;
      const symbol = symbolOf(node.left);
      if (made !== undefined && symbol !== undefined) instances.set(symbol, made);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const symbol = symbolOf(node.expression);
      if (symbol !== undefined && !input.bindings.has(symbol)) {
        const calls = localCalls.get(symbol);
        if (calls === undefined) localCalls.set(symbol, [node]);
        else calls.push(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(input.source);
  return localCalls;
}
