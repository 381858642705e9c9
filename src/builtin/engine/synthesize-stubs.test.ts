import { describe, expect, it } from 'vitest';
import { applyChanges } from '../candidates/text-change.js';
import { synthesizeStubs } from './synthesize-stubs.js';

const tests = [
  "import { area, choose, factorial, Shapes, square } from '../src/m.js';",
  ...[0, 1, 2, 3, 4, 5, 6].map((n) => `expect(factorial(${n})).toBe(${[1, 1, 2, 6, 24, 120, 720][n]});`),
  ...[
    [0, 0, 1],
    [4, 0, 1],
    [7, 0, 1],
    [3, 3, 1],
    [6, 6, 1],
    [5, 2, 10],
    [4, 1, 4],
    [6, 3, 20],
  ].map(([n, k, v]) => `expect(choose(${n}, ${k})).toBe(${v});`),
  ...[2, 3, -4].map((x) => `expect(square(${x})).toBe(${x * x});`),
  ...[
    [2, 3],
    [4, 5],
  ].map(([w, h]) => `expect(new Shapes().area(${w}, ${h})).toBe(${(w ?? 0) * (h ?? 0)});`),
].join('\n');

const source = [
  "import { NotImplementedError } from './not-implemented.js';",
  '',
  'export function choose(n: number, k: number): number {',
  "  throw new NotImplementedError('not implemented: choose');",
  '}',
  '',
  'export function factorial(n: number): number {',
  "  throw new NotImplementedError('not implemented: factorial');",
  '}',
  '',
  'export const square = (x: number): number => undefined as any;',
  '',
  'export class Shapes {',
  '  area(w: number, h: number): number {',
  '    return 0 as any;',
  '  }',
  '}',
  '',
].join('\n');

describe('synthesizeStubs', () => {
  it('grows every stub of a module, later ones calling earlier ones, and puts them all in one candidate first', () => {
    const candidates = synthesizeStubs(new Map([['src/m.ts', source]]), new Map([['test/m.test.ts', tests]]), { firstId: 7, deadline: Date.now() + 30_000 });
    expect(candidates.map((c) => c.id)).toEqual(candidates.map((_, i) => 7 + i));
    const [all, ...singles] = candidates;
    expect(all?.changes).toHaveLength(4);
    // factorial and choose only work together; the others stand alone too.
    expect(singles.map((c) => c.description.split('`')[1])).toEqual(['square', 'area']);
    const grown = applyChanges(source, all?.changes ?? []);
    expect(grown).toContain('  if (n < 1) return 1;\n  return n * factorial(n - 1);\n}');
    expect(grown).toMatch(/return .*factorial\(n\).*factorial\(k\).*factorial\(n - k\).*;/);
    expect(grown).toContain('export const square = (x: number): number => x * x;');
    expect(grown).toContain('  area(w: number, h: number): number {\n    return w * h;\n  }');
  });

  it('proposes nothing for stubs the tests give no examples of, or once the deadline has passed', () => {
    expect(
      synthesizeStubs(new Map([['src/m.ts', source]]), new Map([['test/other.test.ts', 'expect(1).toBe(1);']]), { firstId: 1, deadline: Date.now() + 5_000 }),
    ).toEqual([]);
    expect(synthesizeStubs(new Map([['src/m.ts', source]]), new Map([['test/m.test.ts', tests]]), { firstId: 1, deadline: Date.now() - 1 })).toEqual([]);
  });
});
