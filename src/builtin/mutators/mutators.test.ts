import { describe, it } from 'vitest';
import { negateCondition, removeCondition } from './conditions.js';
import { expectMutation, expectNoMutation } from './expect-mutation.js';
import { literalReplacement } from './literals.js';
import { methodReplacement } from './method-replacement.js';
import { offByOne } from './off-by-one.js';
import { statementDeletion, statementDuplication, statementSwap } from './statements.js';
import { swapArguments, swapOperands } from './swaps.js';
import { variableReplacement } from './variable-replacement.js';

describe('swap mutators', () => {
  it('swap-operands', () => {
    expectMutation(swapOperands, 'a - b', 'b - a');
    expectMutation(swapOperands, 'a - b - c', 'c - (a - b)');
    expectNoMutation(swapOperands, 'a + b');
  });
  it('swap-arguments', () => {
    expectMutation(swapArguments, 'f(a, b)', 'f(b, a)');
    expectMutation(swapArguments, 'xs.slice(end, start)', 'xs.slice(start, end)');
    expectMutation(swapArguments, 'new Range(a, b, c)', 'new Range(a, c, b)');
    expectNoMutation(swapArguments, 'f(a, ...rest)');
  });
});

describe('condition mutators', () => {
  it('negate-condition', () => {
    expectMutation(negateCondition, 'if (a < b) f();', 'if (!(a < b)) f();');
    expectMutation(negateCondition, 'if (!done) f();', 'if (done) f();');
    expectMutation(negateCondition, 'while (ok) f();', 'while (!ok) f();');
    expectMutation(negateCondition, 'return x > 0 ? x : 0;', 'return !(x > 0) ? x : 0;');
    expectNoMutation(negateCondition, 'f(a < b);');
  });
  it('remove-condition', () => {
    expectMutation(removeCondition, 'if (x && y) f();', 'if (true) f();');
    expectMutation(removeCondition, 'if (x && y) f();', 'if (false) f();');
    expectNoMutation(removeCondition, 'while (i < n) i++;', 'while (true) i++;');
  });
});

describe('value mutators', () => {
  it('off-by-one', () => {
    expectMutation(offByOne, 'return xs[i];', 'return xs[i + 1];');
    expectMutation(offByOne, 'return xs[i];', 'return xs[i - 1];');
    expectMutation(offByOne, 'return xs[xs.length];', 'return xs[xs.length - 1];');
    expectMutation(offByOne, 'let n = 3; return i < n;', 'let n = 3; return i < n - 1;');
    expectMutation(offByOne, 'let n = 3; return 2 * n;', 'let n = 3; return 2 * (n + 1);');
    expectMutation(offByOne, 'return s.slice(0, i - 1);', 'return s.slice(0, i);');
    expectNoMutation(offByOne, 'let name = "a"; return name;');
    expectMutation(offByOne, 'function cut(text, max) { return text.slice(0, max); }', 'function cut(text, max) { return text.slice(0, max - 1); }');
    expectMutation(offByOne, 'return xs[0];', 'return xs[1];');
    expectNoMutation(offByOne, 'return xs[0];', 'return xs[0 + 1];');
  });
  it('literal-replacement', () => {
    expectMutation(literalReplacement, 'let i = 1;', 'let i = 0;');
    expectMutation(literalReplacement, 'return 5;', 'return 6;');
    expectMutation(literalReplacement, 'return -1;', 'return 0;');
    expectMutation(literalReplacement, 'return "x";', "return '';");
    expectMutation(literalReplacement, 'return true;', 'return false;');
    expectMutation(literalReplacement, 'return null;', 'return undefined;');
    expectNoMutation(literalReplacement, "return { 'key': v };");
  });
  it('variable-replacement', () => {
    expectMutation(variableReplacement, 'let lo = 0; let hi = 9; return lo;', 'let lo = 0; let hi = 9; return hi;');
    expectMutation(variableReplacement, 'function f(a: number, b: number) { return a; }', 'function f(a: number, b: number) { return b; }');
    expectNoMutation(variableReplacement, 'let n = 0; let s = "x"; return n;', 'let n = 0; let s = "x"; return s;');
    expectNoMutation(variableReplacement, 'let a = 0; a = 2; let b = 1;', 'let a = 0; b = 2; let b = 1;');
  });
  it('method-replacement', () => {
    expectMutation(methodReplacement, 'xs.push(x);', 'xs.unshift(x);');
    expectMutation(methodReplacement, 'return s.slice(1);', 'return s.splice(1);');
    expectMutation(methodReplacement, 'return Math.max(a, b);', 'return Math.min(a, b);');
    expectNoMutation(methodReplacement, 'xs.constructor();');
  });
});

describe('statement mutators', () => {
  it('statement-deletion', () => {
    expectMutation(statementDeletion, 'f(); g();', 'g();');
    expectMutation(statementDeletion, 'if (x) f(); g();', 'if (x) {} g();');
    expectNoMutation(statementDeletion, 'const a = 1;');
  });
  it('statement-duplication', () => {
    expectMutation(statementDuplication, 'i++;', 'i++; i++;');
    expectNoMutation(statementDuplication, 'return 1;');
  });
  it('statement-swap', () => {
    expectMutation(statementSwap, 'i++; xs.push(i);', 'xs.push(i); i++;');
    expectMutation(statementSwap, 'a(); b()', 'b(); a();');
    expectNoMutation(statementSwap, 'const a = 1; f(a);');
  });
});
