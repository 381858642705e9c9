import ts from 'typescript';
import type { MutantChange, Mutator } from './mutator.js';
import { changeWithin } from './switchable.js';

type SwapTable = Partial<Record<ts.SyntaxKind, readonly ts.SyntaxKind[]>>;

/**
 * A mutator that replaces the operator of binary expressions by the alternatives `table` lists for it. The
 * change covers the whole binary expression (mutant schemata switch expressions, not tokens).
 */
export function binaryOperatorMutator(name: string, prior: number, table: SwapTable): Mutator {
  return {
    name,
    kind: 'mutator',
    prior,
    *generate(node) {
      if (!ts.isBinaryExpression(node)) return;
      const token = node.operatorToken;
      const from = ts.tokenToString(token.kind) ?? '';
      for (const alternative of table[token.kind] ?? []) {
        const to = ts.tokenToString(alternative) ?? '';
        const change: MutantChange | undefined = changeWithin(node, token.getStart(), token.end, to, `\`${from}\` → \`${to}\``);
        if (change) yield change;
      }
    },
  };
}
