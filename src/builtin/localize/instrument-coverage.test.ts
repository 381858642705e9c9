import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { instrumentCoverage } from './instrument-coverage.js';
import { parseSource, syntaxErrors } from '../../analysis/parse.js';

/** Runs instrumented JS in a fresh context with a recording runtime; returns the module's `result` and the ids hit. */
function run(code: string, call: string): { result: unknown; hits: number[]; ticks: number } {
  const { text } = instrumentCoverage('m.js', code, 1);
  const hits: number[] = [];
  let ticks = 0;
  const context = vm.createContext({ __redgreen: { active: 0, cov: (id: number) => hits.push(id), tick: () => void ticks++ } });
  const result: unknown = vm.runInContext(`${text}\n;${call}`, context);
  return { result, hits, ticks };
}

function expectValid(file: string, code: string): string {
  const { text } = instrumentCoverage(file, code, 1);
  expect(syntaxErrors(parseSource(file, text)).map((d) => d.messageText)).toEqual([]);
  return text;
}

describe('instrumentCoverage', () => {
  it('counts the statements a call executes, in order', () => {
    const code = 'function f(n) {\n  const a = n + 1;\n  if (a > 2) return a;\n  return 0;\n}';
    expect(run(code, 'f(5)')).toEqual({ result: 6, hits: [1, 2, 3], ticks: 1 });
    expect(run(code, 'f(0)')).toEqual({ result: 0, hits: [1, 2, 4], ticks: 1 });
  });

  it('reports sites with ids from firstId and lines of the original text', () => {
    const code = 'function f(n) {\n  const a = n + 1;\n  return a;\n}';
    const { sites } = instrumentCoverage('src/m.ts', code, 10);
    expect(sites.map((s) => [s.id, s.line, code.slice(s.start, s.end)])).toEqual([
      [10, 2, 'const a = n + 1;'],
      [11, 3, 'return a;'],
    ]);
  });

  it('keeps line numbers stable', () => {
    const code = 'function f(n) {\n  if (n)\n    return 1;\n  for (;;) break;\n  return 2;\n}\n';
    expect(expectValid('m.ts', code).split('\n').length).toBe(code.split('\n').length);
  });

  it('braces single-statement bodies, else-if chains and loop bodies', () => {
    const code = 'function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; if (n < 0) return -1; else if (n === 0) return 0; else s++; return s; }';
    expect(run(code, 'f(3)').result).toBe(4);
    expect(run(code, 'f(3)').ticks).toBe(4);
    expect(run(code, 'f(0)').hits).toEqual([1, 2, 4, 6, 7]);
    expect(run(code, 'f(-2)').hits).toEqual([1, 2, 4, 5]);
  });

  it('instruments arrow expression bodies as comma expressions', () => {
    const code = 'const double = (x) => x * 2; const obj = () => ({ a: 1 });';
    const { result, hits } = run(code, '[double(4), obj().a]');
    expect(result).toEqual([8, 1]);
    expect(hits).toEqual([1, 2]);
  });

  it('handles switch cases, labels, do-while and while loops', () => {
    const code = [
      'function g(k) {',
      '  let out = 0;',
      '  outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; out++; } }',
      '  switch (k) { case 1: out += 10; break; default: out += 100; }',
      '  let w = 2; while (w > 0) w--;',
      '  do out++; while (false);',
      '  return out;',
      '}',
    ].join('\n');
    expect(run(code, 'g(1)').result).toBe(14);
    expect(run(code, 'g(2)').result).toBe(104);
  });

  it('keeps directives first and puts the preamble after them', () => {
    const code = "'use strict'\nfunction f() {\n  'use strict'\n  return this;\n}";
    const text = expectValid('m.js', code);
    expect(text.startsWith("'use strict';")).toBe(true);
    expect(text).toContain("'use strict'; __rg.tick();");
    expect(run(code, 'f()').result).toBeUndefined();
  });

  it('keeps a shebang on the first line', () => {
    const text = expectValid('cli.js', '#!/usr/bin/env node\nfunction f() { return 1; }\n');
    expect(text.startsWith('#!/usr/bin/env node\n var __rg')).toBe(true);
  });

  it('instruments after super() in constructors, class fields, accessors and static blocks', () => {
    const code = [
      'class A { constructor(x) { this.x = x; } }',
      'class B extends A {',
      '  y = 5;',
      '  static z = 1;',
      '  constructor(x) { super(x); this.w = x + this.y; }',
      '  get sum() { return this.x + this.w; }',
      '  set sum(v) { this.x = v; }',
      '  static { B.z = 2; }',
      '}',
    ].join('\n');
    const text = expectValid('m.js', code);
    expect(text).toContain('super(x); __rg.tick();');
    const { result } = run(code, 'const b = new B(1); b.sum = 3; [b.sum, B.z]');
    expect(result).toEqual([9, 2]);
  });

  it('leaves types, interfaces, imports and declarations alone', () => {
    const code = [
      "import { x } from './x.js';",
      'export interface P { a: number }',
      'export type Q = { b: (n: number) => string };',
      'declare function d(n: number): void;',
      'export function f(p: P): number {',
      '  interface Local { c: number }',
      '  type T = Local;',
      '  const t: T = { c: p.a };',
      '  return t.c;',
      '}',
    ].join('\n');
    const { text, sites } = instrumentCoverage('m.ts', code, 1);
    expect(sites.map((s) => code.slice(s.start, s.end))).toEqual(['const t: T = { c: p.a };', 'return t.c;']);
    expect(syntaxErrors(parseSource('m.ts', text))).toEqual([]);
    expect(text).toContain("import { x } from './x.js';");
  });

  it('stays valid for TSX and generic arrows', () => {
    expectValid('c.tsx', 'export const C = (p: { n: number }) => <div>{p.n > 1 ? <b>{p.n}</b> : null}</div>;\n');
    expectValid('g.ts', 'export const id = <T,>(x: T): T => x;\nexport async function* gen() { for await (const x of src()) yield x; }\n');
  });
});
