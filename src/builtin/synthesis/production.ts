import type { ValueType } from './values.js';

/**
 * A printed expression: `atomic` ones (names, literals, calls, member reads) need no parentheses as operands;
 * `fresh` ones are arrays made by the expression itself, which may be reversed in place.
 */
export interface Printed {
  readonly code: string;
  readonly atomic: boolean;
  readonly fresh?: boolean;
  /** A conditional's parts, so a body can print it as `if (c) return x; return y;`. */
  readonly branches?: { readonly condition: Printed; readonly then: Printed; readonly otherwise: Printed };
}

/** An operator of the synthesis grammar: typed arguments, how it prints, how it evaluates. */
export interface Production {
  readonly args: readonly ValueType[];
  print(...args: Printed[]): Printed;
  evaluate(...args: unknown[]): unknown;
}

export type Evaluate = (...args: never[]) => unknown;

export const tight = (p: Printed): string => (p.atomic ? p.code : `(${p.code})`);

/** `x <op> y` over two arguments of one type. */
export function binary(type: ValueType, operator: string, evaluate: Evaluate): Production {
  return {
    args: [type, type],
    print: (x, y) => ({ code: `${tight(x)} ${operator} ${tight(y)}`, atomic: false }),
    evaluate: evaluate as Production['evaluate'],
  };
}

/** `<op>x`. */
export function unary(type: ValueType, operator: string, evaluate: Evaluate): Production {
  return { args: [type], print: (x) => ({ code: `${operator}${tight(x)}`, atomic: false }), evaluate: evaluate as Production['evaluate'] };
}

/** `name(args)`: a global function, or a function of the module the stub lives in. */
export function call(args: readonly ValueType[], name: string, evaluate: Evaluate): Production {
  return { args, print: (...xs) => ({ code: `${name}(${xs.map((x) => x.code).join(', ')})`, atomic: true }), evaluate: evaluate as Production['evaluate'] };
}

/** `receiver.name(args)`, or `receiver.name` when `name` is a property (`length`) or already has its parentheses. */
export function member(args: readonly ValueType[], name: string, evaluate: Evaluate, fresh = false): Production {
  return {
    args,
    print: (receiver, ...xs) => ({
      code: `${tight(receiver)}.${name}${name.endsWith(')') || name === 'length' ? '' : `(${xs.map((x) => x.code).join(', ')})`}`,
      atomic: true,
      fresh,
    }),
    evaluate: evaluate as Production['evaluate'],
  };
}
