import { member, tight, type Printed, type Production } from './production.js';

/**
 * Array operators of the synthesis grammar, with the few small lambdas people write most (`(acc, x) => acc + x`,
 * `(x) => x > k`…). The lambda's own parameter is named so it cannot shadow a stub parameter: the lambdas'
 * other operand is any program of the search, evaluated outside the lambda.
 */
const a = 'array' as const;
const n = 'number' as const;
const s = 'string' as const;

/** The elements as numbers; a throw drops the program (the search only ever maps numbers). */
function numbers(xs: unknown): number[] {
  if (!Array.isArray(xs) || !xs.every((x) => typeof x === 'number')) throw new TypeError('not numbers');
  return xs as number[];
}

function strings(xs: unknown): string[] {
  if (!Array.isArray(xs) || !xs.every((x) => typeof x === 'string')) throw new TypeError('not strings');
  return xs as string[];
}

/** `xs.method((item) => item <op> k)` over number arrays. */
function lambda(method: 'map' | 'filter', operator: string, apply: (x: number, k: number) => unknown): Production {
  return {
    args: [a, n],
    print: (xs, k) => ({ code: `${tight(xs)}.${method}((item) => item ${operator} ${tight(k)})`, atomic: true, fresh: true }),
    evaluate: (xs, k) => (method === 'map' ? numbers(xs).map((x) => apply(x, k as number)) : numbers(xs).filter((x) => apply(x, k as number) === true)),
  };
}

/** `xs.reduce((acc, item) => acc <op> item, start)`: folds of number arrays. */
function fold(code: string, start: number, step: (acc: number, x: number) => number): Production {
  return {
    args: [a],
    print: (xs) => ({ code: `${tight(xs)}.reduce((acc, item) => ${code}, ${start})`, atomic: true }),
    evaluate: (xs) => numbers(xs).reduce(step, start),
  };
}

const reversed: Production = {
  args: [a],
  // Never reverse the caller's array in place: only an array the expression itself made.
  print: (xs: Printed) => ({ code: xs.fresh === true ? `${tight(xs)}.reverse()` : `[...${tight(xs)}].reverse()`, atomic: true, fresh: true }),
  evaluate: (xs) => [...(xs as unknown[])].reverse(),
};

export const arrayProductions: readonly Production[] = [
  member([a], 'length', (x: unknown[]) => x.length),
  { args: [a, n], print: (x, y) => ({ code: `${tight(x)}[${y.code}]`, atomic: true }), evaluate: (x, y) => (x as unknown[])[y as number] },
  member([a, n], 'slice', (x: unknown[], y: number) => x.slice(y), true),
  member([a, s], 'join', (x: unknown[], y: string) => strings(x).join(y)),
  member([a, n], 'includes', (x: unknown[], y: number) => numbers(x).includes(y)),
  member([a, s], 'includes', (x: unknown[], y: string) => strings(x).includes(y)),
  member([a, n], 'indexOf', (x: unknown[], y: number) => numbers(x).indexOf(y)),
  reversed,
  fold('acc + item', 0, (acc, x) => acc + x),
  fold('acc * item', 1, (acc, x) => acc * x),
  fold('Math.max(acc, item)', -Infinity, (acc, x) => Math.max(acc, x)),
  lambda('map', '*', (x, k) => x * k),
  lambda('map', '+', (x, k) => x + k),
  lambda('filter', '>', (x, k) => x > k),
  lambda('filter', '<', (x, k) => x < k),
  lambda('filter', '===', (x, k) => x === k),
  lambda('filter', '!==', (x, k) => x !== k),
  lambda('filter', '% 2 ===', (x, k) => x % 2 === k),
];
