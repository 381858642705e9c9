import { describe, it } from 'vitest';
import { expectMutation, expectNoMutation } from '../mutators/expect-mutation.js';
import { baseCase } from './base-case.js';
import { boundsGuard } from './bounds-guard.js';
import { loopUpdate } from './loop-update.js';
import { missingReturn } from './missing-return.js';
import { nullGuard } from './null-guard.js';
import { returnExpression } from './return-expression.js';

describe('repair templates', () => {
  it('null-guard', () => {
    expectMutation(nullGuard, 'function f(u: User): string { return u.name; }', "function f(u: User): string { if (u == null) return ''; return u.name; }");
    expectMutation(nullGuard, 'function f(u) { const n = u.name; return n; }', 'function f(u) { if (u == null) return null; const n = u.name; return n; }');
    expectMutation(
      nullGuard,
      'function f(c: unknown): unknown { c = (c as R)[k]; return c; }',
      'function f(c: unknown): unknown { if (c == null) return undefined; c = (c as R)[k]; return c; }',
    );
    expectMutation(
      nullGuard,
      'function f(xs) { for (const x of xs) total(x.size); }',
      'function f(xs) { for (const x of xs) { if (x == null) continue; total(x.size); } }',
    );
    expectMutation(nullGuard, 'function f(o): void { o.run(); }', 'function f(o): void { if (o == null) return; o.run(); }');
    expectNoMutation(nullGuard, 'function f(n: number) { return n.toFixed(2); }');
  });
  it('bounds-guard', () => {
    expectMutation(
      boundsGuard,
      'function at(xs: number[], i: number): number { return xs[i]; }',
      'function at(xs: number[], i: number): number { if (i < 0 || i >= xs.length) return 0; return xs[i]; }',
    );
    expectNoMutation(boundsGuard, 'function first(xs: number[]): number { return xs[0]; }');
  });
  it('missing-return of a discarded recursive call', () => {
    expectMutation(
      missingReturn,
      'function has(n, v): boolean { if (!n) return false; if (v < n.v) { has(n.l, v); } return has(n.r, v); }',
      'function has(n, v): boolean { if (!n) return false; if (v < n.v) { return has(n.l, v); } return has(n.r, v); }',
    );
    expectNoMutation(missingReturn, 'function log(x): void { console.log(x); }', 'function log(x): void { return console.log(x); }');
  });
  it('missing-return', () => {
    expectMutation(missingReturn, 'function add(a, b) { a + b; }', 'function add(a, b) { return a + b; }');
    expectMutation(missingReturn, 'const m = xs.map((x) => { x * 2; });', 'const m = xs.map((x) => { return x * 2; });');
    expectMutation(
      missingReturn,
      'function sum(xs: number[]): number { let total = 0; for (const x of xs) total += x; }',
      'function sum(xs: number[]): number { let total = 0; for (const x of xs) total += x; return total; }',
    );
    expectNoMutation(missingReturn, 'function log(a): void { console.log(a); }');
    expectNoMutation(missingReturn, 'function inc(o) { o.n++; }');
  });
  it('return-expression', () => {
    expectMutation(
      returnExpression,
      'function f(xs: number[]) { const best = 0; const sorted = xs; return sorted[0]; }',
      'function f(xs: number[]) { const best = 0; const sorted = xs; return best; }',
    );
    expectNoMutation(returnExpression, 'function f(n: number) { const s = "x"; return n + 1; }', 'function f(n: number) { const s = "x"; return s; }');
  });
  it('base-case', () => {
    expectMutation(
      baseCase,
      'function fact(n: number): number { return n * fact(n - 1); }',
      'function fact(n: number): number { if (n <= 1) return 1; return n * fact(n - 1); }',
    );
    expectMutation(
      baseCase,
      'function fib(n) { return fib(n - 1) + fib(n - 2); }',
      'function fib(n) { if (n <= 1) return n; return fib(n - 1) + fib(n - 2); }',
    );
    expectMutation(
      baseCase,
      'function sum(xs: number[]): number { return xs[0] + sum(xs.slice(1)); }',
      'function sum(xs: number[]): number { if (xs.length === 0) return 0; return xs[0] + sum(xs.slice(1)); }',
    );
    expectNoMutation(baseCase, 'function f(n: number): number { return n * 2; }');
  });
  it('loop-update', () => {
    expectMutation(loopUpdate, 'let i = 0; while (i < n) { f(i); }', 'let i = 0; while (i < n) { f(i); i++; }');
    expectMutation(loopUpdate, 'for (let i = 10; i > 0;) { f(i); }', 'for (let i = 10; i > 0;) { f(i); i--; }');
    expectNoMutation(loopUpdate, 'let i = 0; while (i < n) { f(i); i += 2; }', 'let i = 0; while (i < n) { f(i); i += 2; i++; }');
  });
});
