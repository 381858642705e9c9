import { isDeepStrictEqual } from 'node:util';
import type { Program } from './enumerate.js';
import type { Example } from './extract-examples.js';
import type { Stub } from './find-stubs.js';
import { unknownValue, vectorType, type ValueType } from './values.js';

/** One way to make an argument smaller, for the value it gives and the code it prints. */
interface Shrink {
  readonly code: (param: string) => string;
  readonly apply: (value: unknown) => unknown;
}

const shrinks: Readonly<Record<'number' | 'string' | 'array', Shrink>> = {
  number: { code: (p) => `${p} - 1`, apply: (v) => (v as number) - 1 },
  string: { code: (p) => `${p}.slice(1)`, apply: (v) => (v as string).slice(1) },
  array: { code: (p) => `${p}.slice(1)`, apply: (v) => (v as unknown[]).slice(1) },
};

/**
 * Calls of the stub itself on smaller arguments — `f(n - 1)`, `f(s.slice(1))`, `f(xs.slice(1))`, and with two
 * parameters each one shrunk alone and both together (`choose(n - 1, k - 1)`) — as leaves of size 2. Their value
 * on an example is the expected value of the example with those arguments, and unknown when no example has
 * them: a conditional's base case must then cover that example for the program to be accepted. Calls unknown
 * on more than half of the examples are left out.
 */
export function recursiveCalls(stub: Stub, examples: readonly Example[], resultType: ValueType | undefined): Program[] {
  const kinds = stub.params.map((_, i) => vectorType(examples.map((e) => e.args[i])));
  const shrinkable = kinds.flatMap((kind, i) => (kind === 'number' || kind === 'string' || kind === 'array' ? [i] : []));
  const choices = shrinkable.length === 2 ? [[shrinkable[0] as number], [shrinkable[1] as number], shrinkable] : shrinkable.map((i) => [i]);
  return choices.flatMap((shrunk) => {
    const values = examples.map((e) => {
      const args = e.args.map((arg, i) => (shrunk.includes(i) ? shrinks[kinds[i] as keyof typeof shrinks].apply(arg) : arg));
      const known = examples.find((other) => isDeepStrictEqual(other.args, args));
      return known ? known.expected : unknownValue;
    });
    const type = vectorType(values) === 'other' ? resultType : vectorType(values);
    // A call the examples can rarely value only adds programs the search cannot tell apart.
    if (type === undefined || values.filter((v) => v === unknownValue).length * 2 > values.length) return [];
    const args = stub.params.map((p, i) => (shrunk.includes(i) ? shrinks[kinds[i] as keyof typeof shrinks].code(p) : p));
    return [{ code: `${stub.callPrefix ?? ''}${stub.name}(${args.join(', ')})`, atomic: true, size: 2, values, type }];
  });
}
