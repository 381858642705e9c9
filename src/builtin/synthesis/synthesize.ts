import type { Candidate } from '../types.js';
import { compileFunctions, type SynthesizedFunction } from './compile-functions.js';
import { enumerate, type KeptPrograms, type Program, type Suggestion } from './enumerate.js';
import type { Example } from './extract-examples.js';
import type { Stub } from './find-stubs.js';
import { completeWithBaseCase } from './base-case.js';
import { productions, type Printed, type Production } from './grammar.js';
import { call } from './production.js';
import { leaves } from './leaves.js';
import { recursiveCalls } from './recursive-calls.js';
import { notLiteral } from './literal-value.js';
import { annotationType, errorValue, matches, unknownValue, vectorKey, vectorType, type ValueType } from './values.js';

/** A function of the stub's module with a synthesized body, which the stub's body may call. */
export interface Sibling extends SynthesizedFunction {
  readonly argTypes: readonly ValueType[];
}

export interface SynthesizeOptions {
  /** Largest program size (grammar nodes; `Math.max(a, b)` is 3). Default 10: `factorial(n) / (factorial(k) * factorial(n - k))`. */
  readonly maxSize?: number;
  /** Wall-clock budget: the search stops when it is spent, whatever the size reached. Default 2000 ms. */
  readonly timeBudgetMs?: number;
  /** Cap on distinct programs kept. Default 300 000. */
  readonly maxPrograms?: number;
  /** Id of the candidate. Default 1. */
  readonly id?: number;
  /** Functions of the same module already synthesized: components the body may call. */
  readonly siblings?: readonly Sibling[];
}

export type SynthesizeResult =
  | {
      readonly status: 'found';
      /** The winning program as one expression. */
      readonly expression: string;
      /** The body as plain JS statements (`if (n <= 1) return 1; return …;`), for callers that compile it. */
      readonly body: string;
      readonly size: number;
      readonly explored: number;
      readonly candidate: Candidate;
    }
  | { readonly status: 'not-found'; readonly reason: 'no-examples' | 'budget' | 'exhausted'; readonly explored: number };

/**
 * Bottom-up enumerative synthesis of a stub's body from examples: expressions over its parameters, constants
 * (the expected numbers and separators of the examples, 0, 1, 2, -1, '', true, false), the module's other
 * synthesized functions, and calls of the stub itself on a smaller argument (valued from the examples),
 * smallest first, observationally equivalent ones pruned, until one gives every expected value. The winner
 * runs once more as real JS (our own generated text, never user code: recursion included, with a call
 * bound) before it becomes a candidate replacing the stub's body; a top-level conditional is written
 * as `if (c) return x;` followed by the rest.
 */
export function synthesize(stub: Stub, examples: readonly Example[], options: SynthesizeOptions = {}): SynthesizeResult {
  const usable = examples.filter((e) => e.args.length <= stub.params.length).map((e) => withDefaults(e, stub));
  if (usable.length === 0) return { status: 'not-found', reason: 'no-examples', explored: 0 };
  const siblings = options.siblings ?? [];
  const resultType = annotationType(stub.returnType);
  const accept = (program: Program): boolean =>
    (resultType === undefined || program.type === resultType) &&
    usable.every((e, i) => program.values[i] !== unknownValue && matches(program.values[i], e.expected, e.equality)) &&
    holdsAsCode(stub, bodyOf(program), siblings, usable);
  const suggest = (program: Program, kept: KeptPrograms): Suggestion[] => {
    const completed = completeWithBaseCase(program, usable, kept);
    return completed ? [completed] : [];
  };
  const recursion = stub.callPrefix !== undefined ? recursiveCalls(stub, usable, resultType) : [];
  const components = siblingComponents(stub, siblings, usable);
  const result = enumerate([...leaves(stub.params, usable), ...components.leaves, ...recursion], accept, {
    productions: [...productions, ...components.productions],
    maxSize: options.maxSize ?? 10,
    deadline: Date.now() + (options.timeBudgetMs ?? 2000),
    maxPrograms: options.maxPrograms ?? 300_000,
    suggest,
    ...(usable.every((e) => typeof e.expected === 'number' && e.equality === 'same') ? { target: usable.map((e) => e.expected as number) } : {}),
  });
  if (!result.found) return { status: 'not-found', reason: result.exhausted ? 'exhausted' : 'budget', explored: result.explored };
  const found = result.found;
  const body = bodyOf(found);
  const text = bodyOf(found, stub.indent);
  return {
    status: 'found',
    expression: found.code,
    body,
    size: found.size,
    explored: result.explored,
    candidate: {
      id: options.id ?? 1,
      changes: [
        {
          file: stub.file,
          start: stub.start,
          end: stub.end,
          // A concise arrow body stays an expression: the ternary form of a conditional.
          text: stub.expression === true ? found.code : text,
          node: stub.expression === true ? 'expression' : 'statement',
        },
      ],
      operator: 'synthesis',
      description: `\`${stub.name}\` implemented as \`${body.replace(/\n\s*/g, ' ')}\` from ${usable.length} examples at ${stub.file}:${stub.line}`,
      score: 1,
    },
  };
}

/** Missing trailing arguments take the parameter's literal default, as the call would. */
function withDefaults(example: Example, stub: Stub): Example {
  if (example.args.length === stub.params.length) return example;
  const args = stub.params.map((_, i) => (i < example.args.length ? example.args[i] : stub.defaults[i] === notLiteral ? undefined : stub.defaults[i]));
  return { ...example, args };
}

/** Calls a sibling may make per evaluation during the search: what it computes on larger values is too big to use anyway. */
const maxStepsInSearch = 200;

/**
 * The module's synthesized functions as operators, and applied to the parameters as leaves of size 1 (calling
 * what the module already has is as cheap as reading a parameter); none for a stub that cannot call them by name.
 */
function siblingComponents(stub: Stub, siblings: readonly Sibling[], examples: readonly Example[]): { leaves: Program[]; productions: Production[] } {
  const compiled = stub.callPrefix === undefined || siblings.length === 0 ? undefined : compileFunctions(siblings, maxStepsInSearch);
  if (!compiled) return { leaves: [], productions: [] };
  // The grammar has no side effects, so a sibling's result depends on its arguments only: each is computed once.
  const memo = new Map<string, unknown>();
  const run = (name: string, args: readonly unknown[]): unknown => {
    const key = `${name}\u0000${vectorKey(args)}`;
    if (!memo.has(key))
      memo.set(
        key,
        safely(() => compiled(name, args)),
      );
    const value = memo.get(key);
    if (value === errorValue) throw new RangeError(`${name} failed`);
    return value;
  };
  const paramTypes = stub.params.map((_, i) => vectorType(examples.map((e) => e.args[i])));
  const leaves = siblings.flatMap((s) => {
    if (s.argTypes.length !== 1) return [];
    return stub.params.flatMap((param, i) => {
      if (paramTypes[i] !== s.argTypes[0]) return [];
      const values = examples.map((e) => safely(() => run(s.name, [e.args[i]])));
      return [{ code: `${stub.callPrefix ?? ''}${s.name}(${param})`, atomic: true, size: 1, values, type: vectorType(values) }];
    });
  });
  const productions = siblings.map((s) => call(s.argTypes, `${stub.callPrefix ?? ''}${s.name}`, (...args: unknown[]) => run(s.name, args)));
  return { leaves, productions };
}

function safely(evaluate: () => unknown): unknown {
  try {
    return evaluate();
  } catch {
    return errorValue;
  }
}

/** `return <expr>;`, or `if (c) return x;` then the rest for a conditional, lines joined at `indent`. */
function bodyOf(program: Printed, indent = ''): string {
  const branches = program.branches;
  if (!branches) return `return ${program.code};`;
  return `if (${branches.condition.code}) return ${branches.then.code};\n${indent}${bodyOf(branches.otherwise, indent)}`;
}

/** The body run as real JS over the examples, a guard against any gap between grammar and language and against runaway recursion. */
function holdsAsCode(stub: Stub, body: string, siblings: readonly Sibling[], examples: readonly Example[]): boolean {
  const run = compileFunctions([...siblings, { name: stub.name, params: stub.params, body }]);
  if (!run) return false;
  try {
    return examples.every((e) => matches(run(stub.name, e.args), e.expected, e.equality));
  } catch {
    return false;
  }
}
