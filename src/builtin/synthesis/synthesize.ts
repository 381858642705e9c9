import type { Candidate } from '../types.js';
import { enumerate, type Program } from './enumerate.js';
import type { Example } from './extract-examples.js';
import type { Stub } from './find-stubs.js';
import { matches, valueType, vectorType } from './values.js';

export interface SynthesizeOptions {
  /** Largest program size (grammar nodes; `Math.max(a, b)` is 3). Default 9. */
  readonly maxSize?: number;
  /** Wall-clock budget. Default 2000 ms. */
  readonly timeBudgetMs?: number;
  /** Cap on distinct programs kept. Default 300 000. */
  readonly maxPrograms?: number;
  /** Id of the candidate. Default 1. */
  readonly id?: number;
}

export type SynthesizeResult =
  | { readonly status: 'found'; readonly expression: string; readonly size: number; readonly explored: number; readonly candidate: Candidate }
  | { readonly status: 'not-found'; readonly reason: 'no-examples' | 'budget' | 'exhausted'; readonly explored: number };

/**
 * Bottom-up enumerative synthesis of a stub's body from examples: expressions over its parameters and
 * constants (the expected numbers and separators of the examples, 0, 1, 2, -1, '', true, false), smallest first,
 * observationally equivalent ones pruned, until one gives every expected value. The winner is checked once
 * more as real JS (`new Function` over our own generated text, never user code) before it becomes a
 * candidate replacing the stub's body with `return <expr>;`.
 */
export function synthesize(stub: Stub, examples: readonly Example[], options: SynthesizeOptions = {}): SynthesizeResult {
  const usable = examples.filter((e) => e.args.length <= stub.params.length);
  if (usable.length === 0) return { status: 'not-found', reason: 'no-examples', explored: 0 };
  const accept = (program: Program): boolean =>
    usable.every((e, i) => matches(program.values[i], e.expected, e.equality)) && holdsAsCode(stub.params, program.code, usable);
  const result = enumerate(leaves(stub.params, usable), accept, {
    maxSize: options.maxSize ?? 9,
    deadline: Date.now() + (options.timeBudgetMs ?? 2000),
    maxPrograms: options.maxPrograms ?? 300_000,
  });
  if (!result.found) return { status: 'not-found', reason: result.exhausted ? 'exhausted' : 'budget', explored: result.explored };
  const expression = result.found.code;
  return {
    status: 'found',
    expression,
    size: result.found.size,
    explored: result.explored,
    candidate: {
      id: options.id ?? 1,
      changes: [{ file: stub.file, start: stub.start, end: stub.end, text: `return ${expression};`, node: 'statement' }],
      operator: 'synthesis',
      description: `\`${stub.name}\` implemented as \`return ${expression};\` from ${usable.length} examples at ${stub.file}:${stub.line}`,
      score: 1,
    },
  };
}

/** Parameters and constants, each a program of size 1 (plus `p.key` reads of object parameters, size 2). */
function leaves(params: readonly string[], examples: readonly Example[]): Program[] {
  const programs: Program[] = params.map((name, i) => {
    const values = examples.map((e) => e.args[i]);
    return { code: name, atomic: true, size: 1, values, type: vectorType(values) };
  });
  params.forEach((name, i) => {
    const first = examples[0]?.args[i];
    if (valueType(first) !== 'object') return;
    for (const key of Object.keys(first as object).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k))) {
      const values = examples.map((e) => (valueType(e.args[i]) === 'object' ? (e.args[i] as Record<string, unknown>)[key] : undefined));
      programs.push({ code: `${name}.${key}`, atomic: true, size: 2, values, type: vectorType(values) });
    }
  });
  for (const constant of constants(examples)) {
    const values = examples.map(() => constant);
    programs.push({
      code: typeof constant === 'string' ? JSON.stringify(constant).replace(/^"|"$/g, "'") : String(constant),
      atomic: typeof constant !== 'number' || constant >= 0,
      size: 1,
      values,
      type: valueType(constant),
    });
  }
  return programs;
}

function constants(examples: readonly Example[]): unknown[] {
  const found = new Set<unknown>([0, 1, 2, -1, '', true, false]);
  for (const e of examples) {
    // Expected numbers (a clamp's 255) are likely constants of the body; input numbers mostly are not.
    if (typeof e.expected === 'number' && Number.isFinite(e.expected)) found.add(e.expected);
    // Separators in expected strings (`', '`, `'-'`) are the constants string programs are most often missing.
    if (typeof e.expected === 'string') for (const ch of e.expected.match(/[^\p{L}\p{N}]/gu) ?? []) found.add(ch);
  }
  return [...found].filter((v) => typeof v !== 'string' || !v.includes("'") || v.length === 0);
}

/** The expression run as real JS over the examples, a guard against any gap between grammar and language. */
function holdsAsCode(params: readonly string[], code: string, examples: readonly Example[]): boolean {
  try {
    const fn = new Function(...params, `"use strict"; return (${code});`) as (...args: unknown[]) => unknown;
    return examples.every((e) => matches(fn(...e.args), e.expected, e.equality));
  } catch {
    return false;
  }
}
