import type { ValueType } from './values.js';

/** A printed expression: `atomic` ones (names, literals, calls, member reads) need no parentheses as operands. */
export interface Printed {
  readonly code: string;
  readonly atomic: boolean;
}

/** An operator of the synthesis grammar: typed arguments, how it prints, how it evaluates. */
export interface Production {
  readonly args: readonly ValueType[];
  print(...args: Printed[]): Printed;
  evaluate(...args: unknown[]): unknown;
}

type Evaluate = (...args: never[]) => unknown;

const tight = (p: Printed): string => (p.atomic ? p.code : `(${p.code})`);

function binary(type: ValueType, operator: string, evaluate: Evaluate): Production {
  return {
    args: [type, type],
    print: (x, y) => ({ code: `${tight(x)} ${operator} ${tight(y)}`, atomic: false }),
    evaluate: evaluate as Production['evaluate'],
  };
}

function unary(type: ValueType, operator: string, evaluate: Evaluate): Production {
  return { args: [type], print: (x) => ({ code: `${operator}${tight(x)}`, atomic: false }), evaluate: evaluate as Production['evaluate'] };
}

function call(args: readonly ValueType[], name: string, evaluate: Evaluate): Production {
  return { args, print: (...xs) => ({ code: `${name}(${xs.map((x) => x.code).join(', ')})`, atomic: true }), evaluate: evaluate as Production['evaluate'] };
}

/** `receiver.name(args)`, or `receiver.name` when `name` has no parentheses. */
function member(args: readonly ValueType[], name: string, evaluate: Evaluate): Production {
  return {
    args,
    print: (receiver, ...xs) => ({
      code: `${tight(receiver)}.${name}${name.endsWith(')') || name === 'length' ? '' : `(${xs.map((x) => x.code).join(', ')})`}`,
      atomic: true,
    }),
    evaluate: evaluate as Production['evaluate'],
  };
}

const [n, s, b, a] = ['number', 'string', 'boolean', 'array'] as const;

/** The grammar. Arguments are typed, so evaluation only ever sees values of the kinds it expects. */
export const productions: readonly Production[] = [
  unary(n, '-', (x: number) => -x),
  unary(b, '!', (x: boolean) => !x),
  member([s], 'length', (x: string) => x.length),
  member([a], 'length', (x: unknown[]) => x.length),
  call([n], 'Math.abs', Math.abs),
  call([n], 'Math.floor', Math.floor),
  call([n], 'Math.round', Math.round),
  call([n], 'Math.ceil', Math.ceil),
  member([s], 'toUpperCase()', (x: string) => x.toUpperCase()),
  member([s], 'toLowerCase()', (x: string) => x.toLowerCase()),
  member([s], 'trim()', (x: string) => x.trim()),
  binary(n, '+', (x: number, y: number) => x + y),
  binary(n, '-', (x: number, y: number) => x - y),
  binary(n, '*', (x: number, y: number) => x * y),
  binary(n, '/', (x: number, y: number) => x / y),
  binary(n, '%', (x: number, y: number) => x % y),
  call([n, n], 'Math.max', Math.max),
  call([n, n], 'Math.min', Math.min),
  binary(n, '<', (x: number, y: number) => x < y),
  binary(n, '<=', (x: number, y: number) => x <= y),
  binary(n, '===', (x: number, y: number) => x === y),
  binary(n, '!==', (x: number, y: number) => x !== y),
  binary(s, '+', (x: string, y: string) => x + y),
  binary(s, '===', (x: string, y: string) => x === y),
  member([s, s], 'includes', (x: string, y: string) => x.includes(y)),
  member([s, s], 'startsWith', (x: string, y: string) => x.startsWith(y)),
  member([s, n], 'repeat', (x: string, y: number) => (y >= 0 && y <= 64 ? x.repeat(y) : undefined)),
  member([s, n], 'slice', (x: string, y: number) => x.slice(y)),
  member([s, n], 'charAt', (x: string, y: number) => x.charAt(y)),
  { args: [a, n], print: (x, y) => ({ code: `${tight(x)}[${y.code}]`, atomic: true }), evaluate: (x, y) => (x as unknown[])[y as number] },
  binary(b, '&&', (x: boolean, y: boolean) => x && y),
  binary(b, '||', (x: boolean, y: boolean) => x || y),
];

/** `c ? x : y` for any branch type, listed apart because its branches take each other's type. */
export function printConditional(c: Printed, x: Printed, y: Printed): Printed {
  return { code: `${tight(c)} ? ${tight(x)} : ${tight(y)}`, atomic: false };
}
