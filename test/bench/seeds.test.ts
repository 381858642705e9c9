import { describe, expect, it } from 'vitest';
import { applySeed, enumerateSeeds, seedSnippet } from '../../bench/bugs/lib/seeds.js';

/** The mutated sources the seeder offers for `source`. */
function mutants(source: string): string[] {
  return enumerateSeeds(source).map((seed) => applySeed(source, seed));
}

function expectSeed(source: string, mutated: string): void {
  expect(mutants(source)).toContain(mutated);
}

describe('enumerateSeeds', () => {
  it('shifts boundaries and replaces operators', () => {
    expectSeed('const ok = a < b;', 'const ok = a <= b;');
    expectSeed('const ok = a < b;', 'const ok = a > b;');
    expectSeed('const n = a + b;', 'const n = a - b;');
    expectSeed('const ok = a && b;', 'const ok = a || b;');
  });

  it('moves integer literals by one, but not property keys', () => {
    expectSeed('const xs = [a[0]];', 'const xs = [a[1]];');
    expect(mutants('const o = { 1: x };')).not.toContain('const o = { 2: x };');
  });

  it('swaps call arguments, negates conditions and swaps methods', () => {
    expectSeed('f(a, b);', 'f(b, a);');
    expectSeed('if (a < b) go();', 'if (!(a < b)) go();');
    expectSeed('if (ready) go();', 'if (!ready) go();');
    expectSeed('xs.push(1);', 'xs.unshift(1);');
    expectSeed('Math.floor(x);', 'Math.ceil(x);');
  });

  it('deletes a statement with its line', () => {
    expectSeed('function f() {\n  a();\n  b();\n}\n', 'function f() {\n  b();\n}\n');
  });
});

describe('seedSnippet', () => {
  it('gives whole lines that round-trip to the original', () => {
    const source = 'function f(xs: number[]) {\n  for (let i = 0; i < xs.length; i++) {\n    g(i);\n  }\n}\n';
    for (const seed of enumerateSeeds(source)) {
      const snippet = seedSnippet(source, seed);
      if (snippet === undefined) continue;
      const mutated = applySeed(source, seed);
      expect(mutated.split(snippet.buggy)).toHaveLength(2);
      expect(mutated.replace(snippet.buggy, snippet.fixed)).toBe(source);
    }
  });

  it('widens the context until the buggy text is unique', () => {
    const source = 'a = 2;\na = 1;\n';
    const seed = enumerateSeeds(source).find((s) => s.kind === 'literal' && s.line === 1 && s.replacement === '1')!;
    expect(seedSnippet(source, seed)).toEqual({ buggy: 'a = 1;\na = 1;', fixed: 'a = 2;\na = 1;' });
  });
});
