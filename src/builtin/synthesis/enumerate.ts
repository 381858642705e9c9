import { meetInTheMiddle } from './meet-in-the-middle.js';
import { printConditional, type Printed, type Production } from './grammar.js';
import { errorValue, isReasonable, unknownValue, vectorKey, vectorType, type ValueType } from './values.js';

/** A program of the search: its text, size (number of grammar nodes) and value on every example. */
export interface Program extends Printed {
  readonly size: number;
  readonly values: readonly unknown[];
  readonly type: ValueType;
}

export interface EnumerateOptions {
  readonly productions: readonly Production[];
  readonly maxSize: number;
  readonly deadline: number;
  /** Cap on distinct programs kept: bounds memory and, with `maxSize`, the time of an exhaustive search. */
  readonly maxPrograms: number;
  /** The expected values, when they are all numbers: enables the goal-directed `meetInTheMiddle` step. */
  readonly target?: readonly number[];
}

/**
 * The largest program `meetInTheMiddle` starts from: the other half is kept earlier, so no larger, and joined
 * programs reach size 9. Larger halves are most of the search, and looking up their partners would double its time.
 */
const maxJoinedHalf = 4;

/** The programs kept so far of one type, smallest first. */
export type KeptPrograms = (type: ValueType) => readonly Program[];

/** Programs with unknown values (recursive calls outside the examples) are never pruned, so they get their own, smaller cap. */
const maxPartialPrograms = 20_000;

/**
 * A program built from a kept one (a base case added to it): `now` ones are tried at once, the others wait
 * for their size like every program, so a smaller plain program still wins.
 */
export interface Suggestion {
  readonly program: Program;
  readonly now: boolean;
}

/**
 * Bottom-up enumeration, smallest programs first, with observational-equivalence pruning: a program whose
 * values on all examples equal an earlier (so no larger) program's is dropped. Programs with unknown values
 * are kept apart (two of them may agree on the known values and still differ). Programs that `suggest` and
 * `meetInTheMiddle` build from kept ones join in by size. Stops at the first program `accept` takes; returns
 * the number explored when none is found within the budget.
 */
export function enumerate(
  leaves: readonly Program[],
  accept: (program: Program) => boolean,
  options: EnumerateOptions & { readonly suggest?: (program: Program, kept: KeptPrograms) => readonly Suggestion[] },
): { found?: Program; explored: number; exhausted: boolean } {
  const pool: Pool = new Map();
  const byType = new Map<ValueType, Program[]>();
  const kept: KeptPrograms = (type) => byType.get(type) ?? [];
  const seen = new Map<string, Program>();
  const waiting = new Map<number, Program[]>();
  const wait = (program: Program): void => {
    const programs = waiting.get(program.size);
    if (programs) programs.push(program);
    else waiting.set(program.size, [program]);
  };
  let explored = 0;
  let partial = 0;
  const consider = (unprinted: Program | Unprinted): Program | undefined => {
    explored++;
    const { values, type, size } = unprinted;
    if (type === 'other' || !values.every(isReasonable)) return undefined;
    const key = values.includes(unknownValue) ? undefined : `${type}\u0002${vectorKey(values)}`;
    if (key === undefined) {
      if (partial >= maxPartialPrograms) return undefined;
      partial++;
    } else if (seen.has(key)) return undefined;
    const program: Program = 'print' in unprinted ? { ...unprinted.print(), size, values, type } : unprinted;
    if (key !== undefined) seen.set(key, program);
    const bySize = pool.get(size) ?? new Map<ValueType, Program[]>();
    pool.set(size, bySize);
    const bucket = bySize.get(type) ?? [];
    bucket.push(program);
    bySize.set(type, bucket);
    const ofType = byType.get(program.type) ?? [];
    ofType.push(program);
    byType.set(program.type, ofType);
    if (accept(program)) return program;
    for (const suggestion of options.suggest?.(program, kept) ?? []) {
      if (!suggestion.now) wait(suggestion.program);
      else if (accept(suggestion.program)) return suggestion.program;
    }
    if (options.target && program.type === 'number' && size <= maxJoinedHalf && !program.values.includes(unknownValue)) {
      for (const joined of meetInTheMiddle(program, options.target, seen)) wait(joined);
    }
    return undefined;
  };
  /** Waiting programs up to `size`, smallest first. */
  const release = (size: number): Program | undefined => {
    for (const waitingSize of [...waiting.keys()].sort((x, y) => x - y)) {
      if (waitingSize > size) break;
      const programs = waiting.get(waitingSize) ?? [];
      waiting.delete(waitingSize);
      const found = programs.find((program) => accept(program));
      if (found) return found;
    }
    return undefined;
  };
  for (const leaf of leaves) {
    const found = consider(leaf);
    if (found) return { found, explored, exhausted: false };
  }
  for (let size = 2; size <= options.maxSize; size++) {
    // Released two sizes early: the sizes to enumerate next are the slow ones, and a waiting program was built to
    // skip them (`factorial(n) / factorial(k) / factorial(n - k)`, size 8, waits only for sizes 3 and 4).
    const released = release(size + 2);
    if (released) return { found: released, explored, exhausted: false };
    for (const program of grow(size, pool, options.productions)) {
      const found = consider(program);
      if (found) return { found, explored, exhausted: false };
      if ((explored & 1023) === 0 && (Date.now() > options.deadline || seen.size > options.maxPrograms)) return { explored, exhausted: false };
    }
  }
  const released = release(Infinity);
  return released ? { found: released, explored, exhausted: false } : { explored, exhausted: true };
}

/** A program not yet printed: most are dropped as equivalent to an earlier one, so printing waits for the check. */
interface Unprinted {
  readonly size: number;
  readonly values: readonly unknown[];
  readonly type: ValueType;
  readonly print: () => Printed;
}

/** Kept programs by size, then by type. */
type Pool = Map<number, Map<ValueType, Program[]>>;

/** Every program of exactly `size` built from smaller kept programs. */
function* grow(size: number, pool: Pool, productions: readonly Production[]): Generator<Unprinted> {
  for (const production of productions) {
    for (const args of argumentTuples(production.args, size - 1, pool)) {
      const values = valuesOf(production, args);
      yield { size, values, type: vectorType(values), print: () => production.print(...args) };
    }
  }
  for (const [c, x, y] of argumentTuples(['boolean', undefined, undefined], size - 1, pool)) {
    if (!c || !x || !y || x.type !== y.type) continue;
    const values = c.values.map((v, i) => (v === unknownValue ? unknownValue : v ? x.values[i] : y.values[i]));
    yield { size, values, type: vectorType(values), print: () => printConditional(c, x, y) };
  }
}

/**
 * The production on every example: unknown where an argument is, and the error value where evaluation throws
 * (e.g. a bad `repeat` count). Unrolled by arity: this is the innermost loop of the search.
 */
function valuesOf(production: Production, args: readonly Program[]): unknown[] {
  const [x, y, z] = args;
  if (!x) return [];
  if (args.length > 3) return x.values.map((_, i) => applyAt(production, args, i));
  const evaluate = production.evaluate;
  const values = new Array<unknown>(x.values.length);
  for (let i = 0; i < values.length; i++) {
    const a = x.values[i];
    const b = y?.values[i];
    const c = z?.values[i];
    if (a === unknownValue || b === unknownValue || c === unknownValue) {
      values[i] = unknownValue;
      continue;
    }
    try {
      values[i] = args.length === 1 ? evaluate(a) : args.length === 2 ? evaluate(a, b) : evaluate(a, b, c);
    } catch {
      values[i] = errorValue;
    }
  }
  return values;
}

/** The production on example `i`, for any arity. */
function applyAt(production: Production, args: readonly Program[], i: number): unknown {
  const values = args.map((arg) => arg.values[i]);
  if (values.includes(unknownValue)) return unknownValue;
  try {
    return production.evaluate(...values);
  } catch {
    return errorValue;
  }
}

/** Tuples of kept programs with the given types (undefined: any) whose sizes add up to `total`. */
function* argumentTuples(types: readonly (ValueType | undefined)[], total: number, pool: Pool): Generator<Program[]> {
  const [first, ...rest] = types;
  if (types.length === 0) {
    if (total === 0) yield [];
    return;
  }
  for (let size = 1; size <= total - rest.length; size++) {
    const byType = pool.get(size);
    if (!byType) continue;
    const programs = first === undefined ? [...byType.values()].flat() : (byType.get(first) ?? []);
    for (const program of programs) {
      for (const tail of argumentTuples(rest, total - size, pool)) yield [program, ...tail];
    }
  }
}
