import { describe, expect, it } from 'vitest';
import { applyChanges } from '../candidates/text-change.js';
import { extractExamples } from './extract-examples.js';
import { findStubs, type Stub } from './find-stubs.js';
import { synthesize } from './synthesize.js';

describe('findStubs', () => {
  it('finds placeholder bodies in every shape: any throw with a literal message, empty bodies, `as any` returns', () => {
    const text = [
      "export function max3(a: number, b: number, c: number): number {\n  throw new Error('not implemented');\n}",
      'export const isEven = (n: number): boolean => { throw new Error("TODO"); };',
      'export function empty(s: string): string {}',
      'export function log(s: string): void {}',
      "export function scaffolded(n: number = 1) { throw new NotImplementedError('not implemented: scaffolded'); }",
      "export function kata(x) { throw new Error('Remove this statement and implement this function'); }",
      'export function bare(x) { throw new Error(); }',
      'export function untyped(x) {}',
      'export function nothing(x: number): number { return undefined as any; }',
      'export function nil(x: number) { return null as unknown as number; }',
      'export const zero = (x: number): number => 0 as any;',
      'export class Calc { add(a: number, b: number): number { return {} as any; } static twice(x: number) { throw new Error(); } }',
      'export function rest(...xs: number[]): number { throw new Error(); }',
      'export function real(x: string) { throw new Error(`bad input: ${x}`); }',
      "export function fail(): never { throw new Error('unreachable'); }",
      'export function works(x: number): number { return x as any; }',
      'export class Box { constructor(x: number) {} }',
    ].join('\n');
    const stubs = findStubs('src/m.ts', text);
    expect(stubs.map((s) => [s.name, s.params, s.line, s.returnType, s.callPrefix])).toEqual([
      ['max3', ['a', 'b', 'c'], 1, 'number', ''],
      ['isEven', ['n'], 4, 'boolean', ''],
      ['empty', ['s'], 5, 'string', ''],
      ['scaffolded', ['n'], 7, undefined, ''],
      ['kata', ['x'], 8, undefined, ''],
      ['bare', ['x'], 9, undefined, ''],
      ['untyped', ['x'], 10, undefined, ''],
      ['nothing', ['x'], 11, 'number', ''],
      ['nil', ['x'], 12, undefined, ''],
      ['zero', ['x'], 13, 'number', ''],
      ['add', ['a', 'b'], 14, 'number', 'this.'],
      ['twice', ['x'], 14, undefined, undefined],
    ]);
    expect(text.slice(stubs[0]?.start, stubs[0]?.end)).toBe("throw new Error('not implemented');");
    expect(stubs[2]?.start).toBe(stubs[2]?.end);
    expect(stubs[3]).toMatchObject({ paramTypes: ['number'], defaults: [1] });
    expect(stubs[9]).toMatchObject({ expression: true });
    expect(text.slice(stubs[9]?.start, stubs[9]?.end)).toBe('0 as any');
  });
});

describe('extractExamples', () => {
  it('reads one example per iteration of loops over literals, and nothing from values it cannot read', () => {
    const tests = [
      'for (const n of [0, 4]) expect(choose(n, 0)).toBe(1);',
      'for (const [n, k, v] of [[5, 2, 10], [4, 1, 4]]) { expect(choose(n, k)).toBe(v); }',
      'for (let n = 1; n <= 2; n++) expect(choose(n, n - 1)).toBe(n);',
      '[3, 6].forEach((n) => expect(choose(n, n)).toBe(1));',
      "it.each([[6, 3, 20], [2, 1, 2]])('choose(%i, %i)', (n, k, expected) => { expect(choose(n, k)).toBe(expected); });",
      'for (let n = 0; n < 2; n++) for (let k = 0; k <= n; k++) expect(choose(n, k)).toBe(triangle[n][k]);',
      'for (const n of someList) expect(choose(n, 0)).toBe(1);',
    ].join('\n');
    expect(extractExamples(tests, 'choose').map((e) => [...e.args, e.expected])).toEqual([
      [0, 0, 1],
      [4, 0, 1],
      [5, 2, 10],
      [4, 1, 4],
      [1, 0, 1],
      [2, 1, 2],
      [3, 3, 1],
      [6, 6, 1],
      [6, 3, 20],
      [2, 1, 2],
    ]);
  });

  it('reads literal expect(...) and assert examples of the function only', () => {
    const tests = [
      "import { clamp } from '../src/clamp.js';",
      'it("clamps", () => {',
      '  expect(clamp(-5)).toBe(0);',
      '  expect(m.clamp(300)).toEqual(255);',
      '  expect(clamp(7)).toStrictEqual(7);',
      '  expect(clamp(x)).toBe(1);',
      '  expect(other(1)).toBe(1);',
      '  expect(clamp([1, "a", { k: null }])).toBeNull();',
      '  assert.deepStrictEqual(clamp(1, true), [1]);',
      '});',
    ].join('\n');
    expect(extractExamples(tests, 'clamp')).toEqual([
      { args: [-5], expected: 0, equality: 'same' },
      { args: [300], expected: 255, equality: 'deep' },
      { args: [7], expected: 7, equality: 'deep' },
      { args: [[1, 'a', { k: null }]], expected: null, equality: 'same' },
      { args: [1, true], expected: [1], equality: 'deep' },
    ]);
  });
});

function solve(source: string, tests: string, name: string): { expression?: string; result: string; fn: (...args: unknown[]) => unknown } {
  const stub = findStubs('src/f.ts', source).find((s) => s.name === name) as Stub;
  const outcome = synthesize(stub, extractExamples(tests, name), { timeBudgetMs: 5000 });
  if (outcome.status !== 'found') return { result: source, fn: () => undefined };
  const fn = new Function(...stub.params, `return ${outcome.expression};`) as (...args: unknown[]) => unknown;
  return { expression: outcome.expression, result: applyChanges(source, outcome.candidate.changes), fn };
}

const stub = (name: string, params: string, type: string) => `export function ${name}(${params}): ${type} {\n  throw new Error('not implemented');\n}\n`;

// Each case checks the synthesized body on inputs the examples do not contain: the goal is the function, not the examples.
describe('synthesize', () => {
  it('max of three', () => {
    const tests = 'expect(max3(1, 2, 3)).toBe(3); expect(max3(9, 2, 3)).toBe(9); expect(max3(1, 8, 3)).toBe(8); expect(max3(-1, -2, -3)).toBe(-1);';
    const { expression, result, fn } = solve(stub('max3', 'a: number, b: number, c: number', 'number'), tests, 'max3');
    expect(expression).toMatch(/^Math\.max\(.*Math\.max\(.*\)/);
    expect(result).toContain(`  return ${expression ?? ''};\n}`);
    expect([fn(5, 50, 500), fn(7, -7, 0), fn(4, 40, 4)]).toEqual([500, 7, 40]);
  });

  it('isEven', () => {
    const tests = [2, 3, 0, 7, 4, 10, 11].map((n) => `expect(isEven(${n})).toBe(${n % 2 === 0});`).join(' ');
    const { expression, fn } = solve(stub('isEven', 'n: number', 'boolean'), tests, 'isEven');
    expect(expression).toMatch(/^\(?n % 2\)? (=== 0|< 1)$/);
    expect([100, 101].map((n) => fn(n))).toEqual([true, false]);
  });

  it('absolute difference', () => {
    const tests = 'expect(absDiff(5, 3)).toBe(2); expect(absDiff(3, 5)).toBe(2); expect(absDiff(-1, 4)).toBe(5); expect(absDiff(0, 0)).toBe(0);';
    const { expression, fn } = solve(stub('absDiff', 'a: number, b: number', 'number'), tests, 'absDiff');
    expect(expression).toBe('Math.abs(a - b)');
    expect(fn(10, 30)).toBe(20);
  });

  it('clamp to 0..255', () => {
    const tests = 'expect(clamp(-5)).toBe(0); expect(clamp(300)).toBe(255); expect(clamp(7)).toBe(7); expect(clamp(255)).toBe(255); expect(clamp(0)).toBe(0);';
    const { expression, fn } = solve(stub('clamp', 'x: number', 'number'), tests, 'clamp');
    expect(expression).toMatch(/Math\.min\(x, 255\)/);
    expect([-100, 1000, 128].map((x) => fn(x))).toEqual([0, 255, 128]);
  });

  it('full name with a separator from the examples', () => {
    const tests = "expect(fullName('Ada', 'Lovelace')).toBe('Ada Lovelace'); expect(fullName('Alan', 'Turing')).toBe('Alan Turing');";
    const { fn } = solve(stub('fullName', 'first: string, last: string', 'string'), tests, 'fullName');
    expect(fn('Grace', 'Hopper')).toBe('Grace Hopper');
  });

  it('a conditional: sign', () => {
    const tests = [5, -3, 0, 9, -8, 2, -1].map((n) => `expect(sign(${n})).toBe(${Math.sign(n)});`).join(' ');
    const { expression, fn } = solve(stub('sign', 'n: number', 'number'), tests, 'sign');
    expect(expression).toBeDefined();
    expect([100, -100, 0].map((n) => fn(n))).toEqual([1, -1, 0]);
  });

  it('reads object parameters', () => {
    const tests = 'expect(area({ w: 2, h: 3 })).toBe(6); expect(area({ w: 4, h: 5 })).toBe(20);';
    expect(solve(stub('area', 'r: { w: number; h: number }', 'number'), tests, 'area').expression).toBe('r.w * r.h');
  });

  it('reports not-found without examples, and within a tiny budget', () => {
    const s = findStubs('src/f.ts', stub('f', 'x: number', 'number'))[0] as Stub;
    expect(synthesize(s, [])).toEqual({ status: 'not-found', reason: 'no-examples', explored: 0 });
    const hard = [
      { args: [1], expected: 982451653, equality: 'same' as const },
      { args: [2], expected: 7, equality: 'same' as const },
    ];
    expect(synthesize(s, hard, { maxSize: 3 })).toMatchObject({ status: 'not-found', reason: 'exhausted' });
  });
});
