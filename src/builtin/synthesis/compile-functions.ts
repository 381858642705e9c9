/** A function of the stub's module whose body synthesis wrote, in plain JS (the grammar prints no types). */
export interface SynthesizedFunction {
  readonly name: string;
  readonly params: readonly string[];
  /** The body's statements. */
  readonly body: string;
}

/** The compiled functions, each stopped after `maxSteps` calls of any of them per top-level call. */
export type CompiledFunctions = (name: string, args: readonly unknown[]) => unknown;

/**
 * Bounds the calls of one evaluation, so a recursion with no reachable base case fails fast instead of looping.
 * The search evaluates a sibling on every value it meets (`factorial(5040)`), so it passes a far smaller bound.
 */
const defaultMaxSteps = 20_000;

/**
 * Compiles synthesized functions together, so they call each other and themselves by bare name or as
 * `this.name` (methods are called with `this` bound to the set). Only text the grammar generated goes in,
 * never user code.
 */
export function compileFunctions(functions: readonly SynthesizedFunction[], maxSteps = defaultMaxSteps): CompiledFunctions | undefined {
  const declarations = functions.map((f) => `function ${f.name}(${f.params.join(', ')}) {\n  tick();\n  ${f.body}\n}`).join('\n');
  const source = [
    '"use strict";',
    'let steps = 0;',
    // A plain object, not an Error: throwing it captures no stack, and the search throws it often.
    'const tooManyCalls = { reason: "too many calls" };',
    `const tick = () => { if (++steps > ${maxSteps}) throw tooManyCalls; };`,
    declarations,
    `const self = { ${functions.map((f) => f.name).join(', ')} };`,
    'return (name, args) => { steps = 0; return self[name].apply(self, args); };',
  ].join('\n');
  try {
    const make = new Function(source) as () => CompiledFunctions;
    return make();
  } catch {
    return undefined;
  }
}
