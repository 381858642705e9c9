import { describe, expect, it } from 'vitest';
import { extractExamples } from './extract-examples.js';
import { findStubs, type Stub } from './find-stubs.js';
import { synthesize, type SynthesizeResult } from './synthesize.js';

/** Synthesizes `name` from `tests`; returns the outcome and the body compiled as a function (of its own module, for recursion). */
function grow(signature: string, tests: string, options: { timeBudgetMs?: number; maxSize?: number } = {}) {
  const source = `export function ${signature} {\n  throw new Error('not implemented');\n}\n`;
  const stub = findStubs('src/f.ts', source)[0] as Stub;
  const outcome: SynthesizeResult = synthesize(stub, extractExamples(tests, stub.name), { timeBudgetMs: 8000, ...options });
  const body = outcome.status === 'found' ? outcome.body : 'return undefined;';
  const fn = new Function(`function ${stub.name}(${stub.params.join(', ')}) {\n${body}\n}\nreturn ${stub.name};`)() as (...args: unknown[]) => unknown;
  return { outcome, fn };
}

const cases = (name: string, pairs: readonly (readonly [string, unknown])[]) =>
  pairs.map(([args, expected]) => `expect(${name}(${args})).toEqual(${JSON.stringify(expected)});`).join('\n');

// Every case checks the grown function on inputs the examples do not contain.
describe('growing small functions from examples', () => {
  it('string reverse, through split, reverse and join', () => {
    const tests = cases('reverse', [
      ["'abc'", 'cba'],
      ["'hello'", 'olleh'],
      ["''", ''],
      ["'ab'", 'ba'],
    ]);
    const { outcome, fn } = grow('reverse(s: string): string', tests);
    expect(outcome).toMatchObject({ status: 'found', expression: "s.split('').reverse().join('')" });
    expect(fn('redgreen')).toBe('neergder');
  });

  it('sum of an array, through reduce', () => {
    const tests = cases('sum', [
      ['[1, 2, 3]', 6],
      ['[]', 0],
      ['[10, -4]', 6],
      ['[5]', 5],
    ]);
    const { outcome, fn } = grow('sum(xs: number[]): number', tests);
    expect(outcome).toMatchObject({ status: 'found', expression: 'xs.reduce((acc, item) => acc + item, 0)' });
    expect(fn([100, 20, 3])).toBe(123);
  });

  it('max of two', () => {
    const tests = cases('max', [
      ['1, 2', 2],
      ['9, 3', 9],
      ['-4, -8', -4],
      ['5, 5', 5],
    ]);
    const { fn } = grow('max(a: number, b: number): number', tests);
    expect([fn(3, 30), fn(-1, -10), fn(7, 7)]).toEqual([30, -1, 7]);
  });

  it('isEven, through %', () => {
    const tests = cases('isEven', [
      ['4', true],
      ['7', false],
      ['0', true],
      ['13', false],
      ['22', true],
    ]);
    const { outcome, fn } = grow('isEven(n: number): boolean', tests);
    expect(outcome.status === 'found' ? outcome.expression : '').toContain('n % 2');
    expect([fn(100), fn(101)]).toEqual([true, false]);
  });

  it('repeat a string n times', () => {
    const tests = cases('times', [
      ["'ab', 3", 'ababab'],
      ["'x', 0", ''],
      ["'-', 5", '-----'],
    ]);
    const { fn } = grow('times(s: string, n: number): string', tests);
    expect(fn('na', 4)).toBe('nananana');
  });

  it('capitalise the first letter', () => {
    const tests = cases('capitalise', [
      ["'hello'", 'Hello'],
      ["'world'", 'World'],
      ["'a'", 'A'],
      ["''", ''],
      ["'Yes'", 'Yes'],
    ]);
    const { fn } = grow('capitalise(word: string): string', tests);
    expect([fn('redgreen'), fn('x'), fn('')]).toEqual(['Redgreen', 'X', '']);
  });

  it('factorial by recursion, with the base case read from the examples', () => {
    const tests = cases('factorial', [
      ['0', 1],
      ['1', 1],
      ['2', 2],
      ['3', 6],
      ['4', 24],
      ['5', 120],
    ]);
    const { outcome, fn } = grow('factorial(n: number): number', tests);
    expect(outcome.status === 'found' ? outcome.body : '').toMatch(/^if \(.*\) return 1;\nreturn n \* factorial\(n - 1\);$/);
    expect(fn(10)).toBe(3628800);
  });

  it('proposes nothing when no program within the budget fits, and says why', () => {
    const tests = cases('scramble', [
      ['1', 982451653],
      ['2', 7],
      ['3', 31337],
      ['4', -12],
    ]);
    const { outcome } = grow('scramble(n: number): number', tests, { maxSize: 4 });
    expect(outcome).toMatchObject({ status: 'not-found', reason: 'exhausted' });
    const timed = grow('scramble(n: number): number', tests, { timeBudgetMs: 200 });
    expect(timed.outcome).toMatchObject({ status: 'not-found' });
  });
});
