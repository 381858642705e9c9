import type { KeptPrograms, Program, Suggestion } from './enumerate.js';
import type { Example } from './extract-examples.js';
import { printConditional } from './grammar.js';
import { matches, unknownValue } from './values.js';

/** How many kept conditions and values one completion looks at, at most (the smallest): keeps each attempt to milliseconds. */
const maxScanned = 3_000;
const maxBaseValues = 64;
/** A base case is a small test (`n <= 1`, `k === 0 || k === n` is already too big) returning a constant or a parameter. */
const maxConditionSize = 4;

/**
 * `c ? x : program` for a program right on most examples: the examples it gets wrong or cannot value (a
 * recursive call below the examples) become a base case read from the examples. `x` is the first constant or
 * parameter giving their expected values; `c` the smallest kept condition true on all of them and false
 * wherever `x` would be wrong. Only tried for programs wrong on at most a third of the examples (or only
 * unknown there), so a constant that happens to fit the base cases does not set it off.
 */
export function completeWithBaseCase(program: Program, examples: readonly Example[], kept: KeptPrograms): Suggestion | undefined {
  const right = examples.map((e, i) => program.values[i] !== unknownValue && matches(program.values[i], e.expected, e.equality));
  const wrong = right.flatMap((ok, i) => (ok ? [] : [i]));
  const unknownOnly = wrong.every((i) => program.values[i] === unknownValue);
  if (wrong.length === 0 || wrong.length === examples.length || (!unknownOnly && wrong.length * 3 > examples.length)) return undefined;
  const fits = (p: Program, i: number) => p.values[i] !== unknownValue && matches(p.values[i], examples[i]?.expected, examples[i]?.equality ?? 'same');
  const bases: Program[] = [];
  for (const p of kept(program.type)) {
    if (p.size > 1 || bases.length >= maxBaseValues) break;
    if (wrong.every((i) => fits(p, i))) bases.push(p);
  }
  if (bases.length === 0) return undefined;
  const conditions = kept('boolean');
  for (let j = 0; j < conditions.length && j < maxScanned; j++) {
    const c = conditions[j] as Program;
    if (c.size > maxConditionSize) break;
    if (c.values.includes(unknownValue) || !wrong.every((i) => c.values[i] === true)) continue;
    for (const x of bases) {
      if (!examples.every((_, i) => (c.values[i] === true ? fits(x, i) : right[i] === true))) continue;
      const values = c.values.map((v, i) => (v === true ? x.values[i] : program.values[i]));
      const completed = { ...printConditional(c, x, program), size: c.size + x.size + program.size + 1, values, type: program.type };
      // A base case under a recursion is the recursion's own shape: tried at once. Patching wrong values waits its turn.
      return { program: completed, now: unknownOnly };
    }
  }
  return undefined;
}
