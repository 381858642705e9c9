import { printConditional, productions, type Printed } from './grammar.js';
import { isReasonable, vectorKey, vectorType, type ValueType } from './values.js';

/** A program of the search: its text, size (number of grammar nodes) and value on every example. */
export interface Program extends Printed {
  readonly size: number;
  readonly values: readonly unknown[];
  readonly type: ValueType;
}

export interface EnumerateOptions {
  readonly maxSize: number;
  readonly deadline: number;
  readonly maxPrograms: number;
}

/**
 * Bottom-up enumeration, smallest programs first, with observational-equivalence pruning: a program whose
 * values on all examples equal an earlier (so no larger) program's is dropped. Stops at the first program
 * `accept` takes; returns the number explored when none is found within the budget.
 */
export function enumerate(
  leaves: readonly Program[],
  accept: (program: Program) => boolean,
  options: EnumerateOptions,
): { found?: Program; explored: number; exhausted: boolean } {
  const bySize = new Map<number, Program[]>();
  const seen = new Set<string>();
  let explored = 0;
  const consider = (program: Program): boolean => {
    explored++;
    if (program.type === 'other' || !program.values.every(isReasonable)) return false;
    const key = `${program.type}\u0002${vectorKey(program.values)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const bucket = bySize.get(program.size) ?? [];
    bucket.push(program);
    bySize.set(program.size, bucket);
    return accept(program);
  };
  for (const leaf of leaves) if (consider(leaf)) return { found: leaf, explored, exhausted: false };
  for (let size = 2; size <= options.maxSize; size++) {
    for (const program of grow(size, bySize)) {
      if (consider(program)) return { found: program, explored, exhausted: false };
      if ((explored & 1023) === 0 && (Date.now() > options.deadline || seen.size > options.maxPrograms)) return { explored, exhausted: false };
    }
  }
  return { explored, exhausted: true };
}

/** Every program of exactly `size` built from smaller kept programs. */
function* grow(size: number, bySize: ReadonlyMap<number, readonly Program[]>): Generator<Program> {
  for (const production of productions) {
    for (const args of argumentTuples(production.args, size - 1, bySize)) {
      const values = args[0]?.values.map((_, i) => safely(() => production.evaluate(...args.map((arg) => arg.values[i])))) ?? [];
      yield { ...production.print(...args), size, values, type: vectorType(values) };
    }
  }
  for (const [c, x, y] of argumentTuples(['boolean', undefined, undefined], size - 1, bySize)) {
    if (!c || !x || !y || x.type !== y.type) continue;
    const values = c.values.map((v, i) => (v ? x.values[i] : y.values[i]));
    yield { ...printConditional(c, x, y), size, values, type: vectorType(values) };
  }
}

/** Tuples of kept programs with the given types (undefined: any) whose sizes add up to `total`. */
function* argumentTuples(types: readonly (ValueType | undefined)[], total: number, bySize: ReadonlyMap<number, readonly Program[]>): Generator<Program[]> {
  const [first, ...rest] = types;
  if (types.length === 0) {
    if (total === 0) yield [];
    return;
  }
  for (let size = 1; size <= total - rest.length; size++) {
    for (const program of bySize.get(size) ?? []) {
      if (first !== undefined && program.type !== first) continue;
      for (const tail of argumentTuples(rest, total - size, bySize)) yield [program, ...tail];
    }
  }
}

/** Evaluation of a typed operator can still throw (e.g. a bad `repeat` count): such programs are dropped. */
function safely(evaluate: () => unknown): unknown {
  try {
    return evaluate();
  } catch {
    return Symbol.for('redgreen.synthesis.error');
  }
}
