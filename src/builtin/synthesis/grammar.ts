import { arrayProductions } from './grammar-arrays.js';
import { binary, call, member, unary, tight, type Printed, type Production } from './production.js';

export type { Printed, Production } from './production.js';

const [n, s, b] = ['number', 'string', 'boolean'] as const;

/** The grammar. Arguments are typed, so evaluation only ever sees values of the kinds it expects. */
export const productions: readonly Production[] = [
  unary(n, '-', (x: number) => -x),
  unary(b, '!', (x: boolean) => !x),
  member([s], 'length', (x: string) => x.length),
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
  // Powers of non-negative bases only: `(-1) ** n` fits parity examples, but nobody writes it.
  binary(n, '**', (x: number, y: number) => (x >= 0 && Math.abs(y) <= 64 ? x ** y : Infinity)),
  call([n, n], 'Math.max', Math.max),
  call([n, n], 'Math.min', Math.min),
  binary(n, '<', (x: number, y: number) => x < y),
  binary(n, '<=', (x: number, y: number) => x <= y),
  binary(n, '===', (x: number, y: number) => x === y),
  binary(n, '!==', (x: number, y: number) => x !== y),
  binary(s, '+', (x: string, y: string) => x + y),
  binary(s, '===', (x: string, y: string) => x === y),
  {
    args: [s, n],
    print: (x, y) => ({ code: `\`\${${x.code}}\${${y.code}}\``, atomic: true }),
    evaluate: (x, y) => `${x as string}${y as number}`,
  },
  member([s, s], 'includes', (x: string, y: string) => x.includes(y)),
  member([s, s], 'startsWith', (x: string, y: string) => x.startsWith(y)),
  member([s, s], 'endsWith', (x: string, y: string) => x.endsWith(y)),
  member([s, s], 'indexOf', (x: string, y: string) => x.indexOf(y)),
  member([s, n], 'repeat', (x: string, y: number) => (y >= 0 && y <= 64 ? x.repeat(y) : undefined)),
  member([s, n], 'slice', (x: string, y: number) => x.slice(y)),
  member([s, n, n], 'slice', (x: string, y: number, z: number) => x.slice(y, z)),
  member([s, n], 'charAt', (x: string, y: number) => x.charAt(y)),
  member([s, s], 'split', (x: string, y: string) => x.split(y), true),
  binary(b, '&&', (x: boolean, y: boolean) => x && y),
  binary(b, '||', (x: boolean, y: boolean) => x || y),
  binary(b, '===', (x: boolean, y: boolean) => x === y),
  ...arrayProductions,
];

/** `c ? x : y` for any branch type, listed apart because its branches take each other's type. */
export function printConditional(c: Printed, x: Printed, y: Printed): Printed {
  return { code: `${tight(c)} ? ${tight(x)} : ${tight(y)}`, atomic: false, branches: { condition: c, then: x, otherwise: y } };
}
