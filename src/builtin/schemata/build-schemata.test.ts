import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type { Candidate, TextChange } from '../types.js';
import { applyCandidate } from './apply-changes.js';
import { buildSchemata } from './build-schemata.js';

const file = 'src/calc.ts';
const source = `'use strict';
/** Limits a value. */
export function clamp(value: number, min: number, max: number): number {
  if (value < min) {
    return min;
  }
  if (value < max) {
    return max;
  }
  return value;
}

export function total(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum;
}

export const twice = (x: number): number => x * 2;

export function label(n: number): string {
  const word = n > 0 ? 'positive' : 'other';
  return word + ':' + String(n);
}

export function probe(): string {
  return JSON.stringify([clamp(-5, 0, 10), clamp(5, 0, 10), clamp(15, 0, 10), total([1, 2, 3]), twice(4), label(3), label(-1)]);
}
`;

let nextId = 1;
function change(target: string, text: string, node: TextChange['node'] = 'expression', occurrence = 0): TextChange {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(target, start + 1);
  if (start < 0) throw new Error(`no "${target}" in the fixture`);
  return { file, start, end: start + target.length, text, node };
}
function insertAfter(target: string, text: string): TextChange {
  const at = source.indexOf(target) + target.length;
  return { file, start: at, end: at, text, node: 'statement' };
}
function candidate(...changes: TextChange[]): Candidate {
  return { id: nextId++, changes, operator: 'test', description: 'test', score: 1 };
}

interface Runtime {
  active: number;
  cov(id: number): void;
  tick(): void;
}
const scope = globalThis as { __redgreen?: Runtime };
afterEach(() => {
  delete scope.__redgreen;
});

/** Runs a module's `probe()` as JS with the runtime set to `active`; `hitLimit` makes `tick()` throw past it. */
function probe(text: string, active: number, hitLimit = 1e6): string {
  let hits = 0;
  scope.__redgreen = {
    active,
    cov() {},
    tick() {
      if (++hits > hitLimit) throw new Error('hit limit');
    },
  };
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: { probe?: () => string } = {};
  new Function('exports', 'require', js)(exports, () => ({}));
  return (exports.probe as () => string)();
}

function direct(c: Candidate): string {
  const applied = applyCandidate(new Map([[file, source]]), c);
  if (applied.status !== 'applied') throw new Error(applied.message);
  return applied.files.get(file) as string;
}

describe('buildSchemata', () => {
  const candidates = [
    candidate(change('value < max', 'value > max')),
    candidate(change('value < max', 'value >= max')),
    candidate(change('value < min', 'value <= min')),
    candidate(change('return max;', 'return value;', 'statement')),
    candidate(change('max', 'max + 1', 'expression', 1)),
    candidate(change('x * 2', 'x * 3'), change("'positive'", "'pos'")),
    candidate(change("const word = n > 0 ? 'positive' : 'other';", "const word = 'x';", 'statement')),
    candidate(change('sum', '(sum)', 'expression', 1)),
    candidate(
      change('if (value < min) {\n    return min;\n  }\n  if (value < max) {\n    return max;\n  }', 'if (value > max) {\n    return max;\n  }', 'statement'),
    ),
    candidate(change('if (value < max) {\n    return max;\n  }\n  return value;', 'return Math.min(value, max);', 'statement')),
    candidate(change("return word + ':' + String(n);", "return word.toUpperCase() + ':' + String(n);", 'statement'), change('i++', 'i += 2')),
    candidate(insertAfter('let sum = 0;', ' sum = 1;')),
  ];
  const plan = buildSchemata(new Map([[file, source]]), candidates);

  it('puts every candidate in exactly one batch', () => {
    const placed = plan.batches.flatMap((batch) => batch.candidates);
    expect(plan.rejected).toEqual([]);
    expect([...placed].sort((a, b) => a - b)).toEqual(candidates.map((c) => c.id));
  });

  it('behaves, for every candidate switched on, like the candidate applied as text', () => {
    for (const batch of plan.batches) {
      const text = batch.files.get(file) as string;
      if (batch.mode === 'switched') expect(probe(text, 0)).toBe(probe(source, 0));
      for (const id of batch.candidates) {
        const c = candidates.find((x) => x.id === id) as Candidate;
        expect(probe(text, id), `candidate ${id} (${batch.mode})`).toBe(probe(direct(c), 0));
      }
    }
  });

  it('switches disjoint and nested candidates in one batch and splits partial overlaps', () => {
    const switched = plan.batches.filter((batch) => batch.mode === 'switched');
    const first = switched[0]?.candidates ?? [];
    expect(first).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6, 9]));
    const withNine = switched.find((batch) => batch.candidates.includes(9));
    const withTen = switched.find((batch) => batch.candidates.includes(10));
    expect(withTen).toBeDefined();
    expect(withTen).not.toBe(withNine);
  });

  it('validates a block-scoped declaration used after the range and an assignment target directly', () => {
    const directIds = plan.batches.filter((batch) => batch.mode === 'direct').flatMap((batch) => batch.candidates);
    expect(directIds).toEqual(expect.arrayContaining([7, 8]));
  });

  it('applies a statement change whose range is not whole statements directly', () => {
    const partial = candidate(change('return word', 'return word.toUpperCase()', 'statement'));
    const { batches } = buildSchemata(new Map([[file, source]]), [partial]);
    expect(batches.map((batch) => batch.mode)).toEqual(['direct']);
    expect(probe(batches[0]?.files.get(file) as string, partial.id)).toBe(probe(direct(partial), 0));
  });

  it('keeps the first line and adds the preamble after the directive prologue', () => {
    const text = plan.batches[0]?.files.get(file) ?? '';
    expect(text.split('\n')[0]).toMatch(/^'use strict'; var __rg = globalThis\.__redgreen/);
  });

  it('terminates a directive written without a semicolon before the preamble', () => {
    const bare = "'use strict'\nexport function f(a: number): number {\n  return a + 1;\n}\n";
    const plus = candidate({ file: 'bare.ts', start: bare.indexOf('a + 1'), end: bare.indexOf('a + 1') + 5, text: 'a - 1', node: 'expression' });
    const { batches } = buildSchemata(new Map([['bare.ts', bare]]), [plus]);
    expect(batches.map((batch) => batch.mode)).toEqual(['switched']);
    expect(batches[0]?.files.get('bare.ts')?.split('\n')[0]).toMatch(/^'use strict'; var __rg = /);
  });

  it('cuts off a loop whose update a candidate removes with the hit counter', () => {
    const hang = candidate(change('i++', 'i'));
    const { batches } = buildSchemata(new Map([[file, source]]), [hang]);
    const text = batches[0]?.files.get(file) as string;
    expect(() => probe(text, hang.id, 10_000)).toThrow('hit limit');
    expect(probe(text, 0, 10_000)).toBe(probe(source, 0));
  });

  it('ticks inside loops a candidate brings', () => {
    const loop = candidate(change('return sum;', 'while (sum > 0) { sum = sum + 0; }\n  return sum;', 'statement'));
    const { batches } = buildSchemata(new Map([[file, source]]), [loop]);
    expect(() => probe(batches[0]?.files.get(file) as string, loop.id, 10_000)).toThrow('hit limit');
  });

  it('rejects a candidate with overlapping changes and one for an unknown file', () => {
    const overlapping = candidate(change('value < max', 'a'), change('value', 'b', 'expression', 3));
    const unknown: Candidate = { ...candidate(), changes: [{ file: 'src/nope.ts', start: 0, end: 0, text: 'x', node: 'statement' }] };
    const { rejected } = buildSchemata(new Map([[file, source]]), [overlapping, unknown]);
    expect(rejected.map((r) => r.candidate)).toEqual([overlapping.id, unknown.id]);
  });
});
