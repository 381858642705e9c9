import { describe, expect, it } from 'vitest';
import { createTypePruner } from './type-pruner.js';

describe('createTypePruner', () => {
  const file = '/virtual/src/f.ts';
  const text = 'export function f(a: number, b: number): number {\n  return a < b ? a : b;\n}\n';
  // noLib keeps the test fast; the missing globals are baseline errors, which candidates are compared against.
  const pruner = createTypePruner({
    compilerOptions: { noLib: true, strict: true, types: [] },
    rootFiles: [file],
    readFile: (path) => (path === file ? text : undefined),
  });

  it('accepts candidates that add no type errors and rejects those that do', () => {
    expect(pruner.accept(file, text.replace('a < b', 'a <= b'))).toBe(true);
    expect(pruner.accept(file, text.replace('return a < b ? a : b;', "return '';"))).toBe(false);
    expect(pruner.accept(file, text.replace('? a : b', '? a : c'))).toBe(false);
  });

  it('restores the original between checks', () => {
    expect(pruner.accept(file, text.replace('a < b', 'a >= b'))).toBe(true);
    expect(pruner.baseline(file)).toBe(pruner.baseline(file));
  });
});
