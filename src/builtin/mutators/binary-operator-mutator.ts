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
        if (mixesNullish(node, alternative)) continue;
        const to = ts.tokenToString(alternative) ?? '';
        const change: MutantChange | undefined = changeWithin(node, token.getStart(), token.end, to, `\`${from}\` → \`${to}\``);
        if (change) yield change;
      }
    },
  };
}

const K = ts.SyntaxKind;
const andOr = new Set<ts.SyntaxKind>([K.AmpersandAmpersandToken, K.BarBarToken]);

/**
 * JavaScript forbids `??` next to `&&`/`||` without parentheses (`a && b ?? c` does not parse, though
 * TypeScript's parser alone accepts it): such a replacement would poison a whole schemata batch.
 */
function mixesNullish(node: ts.BinaryExpression, to: ts.SyntaxKind): boolean {
  const isLogical = (n: ts.Node, kinds: ReadonlySet<ts.SyntaxKind>) => ts.isBinaryExpression(n) && kinds.has(n.operatorToken.kind);
  const nullish = new Set<ts.SyntaxKind>([K.QuestionQuestionToken]);
  const clashing = to === K.QuestionQuestionToken ? andOr : andOr.has(to) ? nullish : undefined;
  if (clashing === undefined) return false;
  return isLogical(node.left, clashing) || isLogical(node.right, clashing) || isLogical(node.parent, clashing);
}
