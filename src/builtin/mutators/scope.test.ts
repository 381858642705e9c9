import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../analysis/parse.js';
import { variablesAt } from './scope.js';

function visibleAt(code: string, marker: string): [string, string, string][] {
  const sourceFile = parseSource('m.ts', code);
  let target: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === marker) target ??= node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return variablesAt(target as ts.Node).map((v) => [v.name, v.type, v.kind]);
}

describe('variablesAt', () => {
  it('sees parameters, earlier locals, loop variables and functions, innermost first, with type guesses', () => {
    const code =
      'const LIMIT = 10;\nfunction f(xs: number[], s: string) {\n  let total = 0;\n  for (let i = 0; i < xs.length; i++) { HERE; }\n  const later = 1;\n}';
    expect(visibleAt(code, 'HERE')).toEqual([
      ['i', 'number', 'local'],
      ['total', 'number', 'local'],
      ['xs', 'array', 'parameter'],
      ['s', 'string', 'parameter'],
      ['LIMIT', 'number', 'module'],
      ['f', 'function', 'function'],
    ]);
  });

  it('leaves out a variable inside its own initializer and shadowed outer names', () => {
    expect(visibleAt('function f(x: string) { const y = 1; { const x = HERE; } }', 'HERE').map(([name]) => name)).toEqual(['y', 'x', 'f']);
    expect(visibleAt('function f(n: number) { let x = 1; { let x = "s"; HERE; } }', 'HERE')[0]).toEqual(['x', 'string', 'local']);
  });

  it('guesses a conditional by its branches when they agree', () => {
    const code = 'function f(m: number[]) { const a = m.length === 0 ? 0 : m.length; const b = m.length ? 0 : "none"; HERE; }';
    expect(visibleAt(code, 'HERE').slice(0, 2)).toEqual([
      ['a', 'number', 'local'],
      ['b', 'unknown', 'local'],
    ]);
  });
});
