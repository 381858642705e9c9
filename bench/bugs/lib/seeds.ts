import ts from 'typescript';
import type { DefectCategory } from './corpus.js';
import { countOccurrences } from './corpus.js';

/** The kinds of defect the seeder can inject. */
export type SeedKind = 'operator' | 'boundary' | 'literal' | 'swap-args' | 'negate-condition' | 'delete-statement' | 'method';

/** One seedable defect: replace `[start, end)` of the original source by `replacement`. */
export interface Seed {
  kind: SeedKind;
  defect: DefectCategory;
  start: number;
  end: number;
  replacement: string;
  /** 1-based line of `start`. */
  line: number;
  /** Human-readable edit, e.g. "`<` → `<=`". */
  summary: string;
}

type OperatorSwap = readonly [string, SeedKind, DefectCategory];

const OPERATOR_SWAPS: Readonly<Record<string, readonly OperatorSwap[]>> = {
  '<': [['<=', 'boundary', 'off-by-one'], ['>', 'operator', 'wrong-relational-operator']],
  '<=': [['<', 'boundary', 'off-by-one'], ['>=', 'operator', 'wrong-relational-operator']],
  '>': [['>=', 'boundary', 'off-by-one'], ['<', 'operator', 'wrong-relational-operator']],
  '>=': [['>', 'boundary', 'off-by-one'], ['<=', 'operator', 'wrong-relational-operator']],
  '===': [['!==', 'operator', 'wrong-relational-operator']],
  '!==': [['===', 'operator', 'wrong-relational-operator']],
  '+': [['-', 'operator', 'wrong-arithmetic-operator']],
  '-': [['+', 'operator', 'wrong-arithmetic-operator']],
  '*': [['/', 'operator', 'wrong-arithmetic-operator']],
  '/': [['*', 'operator', 'wrong-arithmetic-operator']],
  '%': [['/', 'operator', 'wrong-arithmetic-operator']],
  '+=': [['-=', 'operator', 'wrong-arithmetic-operator']],
  '-=': [['+=', 'operator', 'wrong-arithmetic-operator']],
  '&&': [['||', 'operator', 'wrong-logical-operator']],
  '||': [['&&', 'operator', 'wrong-logical-operator']],
};

/** Methods of the same receiver that a slip of the mind swaps. */
const METHOD_SWAPS: Readonly<Record<string, string>> = {
  push: 'unshift',
  unshift: 'push',
  pop: 'shift',
  shift: 'pop',
  indexOf: 'lastIndexOf',
  lastIndexOf: 'indexOf',
  floor: 'ceil',
  ceil: 'floor',
  min: 'max',
  max: 'min',
  some: 'every',
  every: 'some',
  toUpperCase: 'toLowerCase',
  toLowerCase: 'toUpperCase',
  startsWith: 'endsWith',
  endsWith: 'startsWith',
  slice: 'substring',
  find: 'findLast',
};

/** Every seedable defect of `source`, in source order. Pure: parses, never type-checks. */
export function enumerateSeeds(source: string, fileName = 'module.ts'): Seed[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const seeds: Seed[] = [];
  const add = (kind: SeedKind, defect: DefectCategory, start: number, end: number, replacement: string): void => {
    const line = sf.getLineAndCharacterOfPosition(start).line + 1;
    const before = source.slice(start, end).trim().replace(/\s+/g, ' ');
    const after = replacement.trim().replace(/\s+/g, ' ');
    seeds.push({ kind, defect, start, end, replacement, line, summary: after === '' ? `delete \`${before}\`` : `\`${before}\` → \`${after}\`` });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken;
      for (const [to, kind, defect] of OPERATOR_SWAPS[op.getText(sf)] ?? []) add(kind, defect, op.getStart(sf), op.end, to);
    } else if (ts.isNumericLiteral(node) && !ts.isLiteralTypeNode(node.parent) && !isPropertyKey(node)) {
      const value = Number(node.text);
      if (Number.isInteger(value)) {
        add('literal', 'wrong-literal', node.getStart(sf), node.end, String(value + 1));
        if (value > 0) add('literal', 'wrong-literal', node.getStart(sf), node.end, String(value - 1));
      }
    } else if (ts.isCallExpression(node) && node.arguments.length >= 2) {
      const [first, second] = [node.arguments[0]!, node.arguments[1]!];
      const a = first.getText(sf);
      const b = second.getText(sf);
      if (a !== b) add('swap-args', 'swapped-operands', first.getStart(sf), second.end, `${b}${source.slice(first.end, second.getStart(sf))}${a}`);
    }
    if ((ts.isIfStatement(node) || ts.isWhileStatement(node)) && !ts.isPrefixUnaryExpression(node.expression)) {
      const cond = node.expression;
      const simple = ts.isIdentifier(cond) || ts.isCallExpression(cond) || ts.isPropertyAccessExpression(cond);
      add('negate-condition', 'wrong-relational-operator', cond.getStart(sf), cond.end, simple ? `!${cond.getText(sf)}` : `!(${cond.getText(sf)})`);
    }
    if (ts.isExpressionStatement(node) && ts.isBlock(node.parent) && node.parent.statements.length >= 2) {
      const start = source.lastIndexOf('\n', node.getStart(sf) - 1) + 1;
      const newline = source.indexOf('\n', node.end);
      const ownLines = source.slice(start, node.getStart(sf)).trim() === '' && source.slice(node.end, newline === -1 ? undefined : newline).trim() === '';
      if (ownLines) add('delete-statement', 'deleted-statement', start, newline === -1 ? source.length : newline + 1, '');
    }
    if (ts.isPropertyAccessExpression(node) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
      const to = METHOD_SWAPS[node.name.text];
      if (to !== undefined) add('method', 'wrong-method', node.name.getStart(sf), node.name.end, to);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return seeds;
}

function isPropertyKey(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node;
}

/** `source` with `seed` applied. */
export function applySeed(source: string, seed: Seed): string {
  return source.slice(0, seed.start) + seed.replacement + source.slice(seed.end);
}

/**
 * The `buggy`/`fixed` pair for bug.json: the whole lines around the seed, widened by context lines
 * until the buggy text occurs exactly once in the mutated module. Undefined when no width works.
 */
export function seedSnippet(original: string, seed: Seed, maxContext = 3): { buggy: string; fixed: string } | undefined {
  const mutated = applySeed(original, seed);
  const delta = seed.replacement.length - (seed.end - seed.start);
  let from = original.lastIndexOf('\n', seed.start - 1) + 1;
  const lastChar = Math.max(seed.start, seed.end - 1);
  let to = original.indexOf('\n', lastChar);
  if (to === -1) to = original.length;
  for (let context = 0; context <= maxContext; context++) {
    if (context > 0) {
      if (from > 0) from = original.lastIndexOf('\n', from - 2) + 1;
      if (to < original.length) {
        const next = original.indexOf('\n', to + 1);
        to = next === -1 ? original.length : next;
      }
    }
    if (to + delta < from) continue;
    const buggy = mutated.slice(from, to + delta);
    if (buggy.trim() !== '' && countOccurrences(mutated, buggy) === 1) {
      return { buggy, fixed: original.slice(from, to) };
    }
  }
  return undefined;
}
