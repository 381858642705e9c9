import type { Program } from './enumerate.js';
import { binary } from './production.js';
import { vectorKey } from './values.js';

/** One arithmetic operator solved for its other operand: given the target and `p`, the `q` that makes `op(p, q)` hit it. */
interface Inversion {
  readonly partner: (target: number, p: number) => number;
  readonly build: (p: Program, q: Program) => { readonly operands: readonly [Program, Program]; readonly operator: '+' | '-' | '*' | '/' };
}

const inversions: readonly Inversion[] = [
  // `q` was kept before `p`: commutative operators print it first, as plain enumeration would.
  { partner: (t, p) => t - p, build: (p, q) => ({ operands: [q, p], operator: '+' }) },
  { partner: (t, p) => p - t, build: (p, q) => ({ operands: [p, q], operator: '-' }) },
  { partner: (t, p) => t + p, build: (p, q) => ({ operands: [q, p], operator: '-' }) },
  { partner: (t, p) => t / p, build: (p, q) => ({ operands: [q, p], operator: '*' }) },
  { partner: (t, p) => p / t, build: (p, q) => ({ operands: [p, q], operator: '/' }) },
  { partner: (t, p) => t * p, build: (p, q) => ({ operands: [q, p], operator: '/' }) },
];

const operators = {
  '+': binary('number', '+', (x: number, y: number) => x + y),
  '-': binary('number', '-', (x: number, y: number) => x - y),
  '*': binary('number', '*', (x: number, y: number) => x * y),
  '/': binary('number', '/', (x: number, y: number) => x / y),
} as const;

/**
 * Goal-directed completion of a numeric search: for a new program `p`, the operand `q` that `p + q`, `p - q`,
 * `q - p`, `p * q`, `p / q` or `q / p` would need to give the expected values, looked up among the kept programs
 * by its value vector. A program of size 8 (`factorial(n) / (factorial(k) * factorial(n - k))`) is then found once
 * its halves (sizes 1 and 6) are kept, long before plain enumeration reaches size 8. Yields every such program; the caller orders them by size among the rest.
 */
export function* meetInTheMiddle(p: Program, target: readonly number[], kept: ReadonlyMap<string, Program>): Generator<Program> {
  for (const inversion of inversions) {
    const needed = target.map((t, i) => inversion.partner(t, p.values[i] as number));
    if (!needed.every(Number.isFinite)) continue;
    const q = kept.get(`number\u0002${vectorKey(needed)}`);
    if (!q) continue;
    const { operands, operator } = inversion.build(p, q);
    const production = operators[operator];
    const values = operands[0].values.map((x, i) => production.evaluate(x, operands[1].values[i]));
    yield { ...production.print(...operands), size: p.size + q.size + 1, values, type: 'number' };
  }
}
