import { describe, expect, it } from 'vitest';
import { plannedText, usePlannedScaffold } from '../../test/helpers/planned-scaffold.js';
import { genericsOf } from './extract/generics.js';
import { printContracts } from './print-contracts.js';

const test = `import { expect, it } from 'vitest';
import { Stack, first } from '../src/stack.js';

it('pushes and pops', () => {
  const stack = new Stack<number>();
  stack.push(1);
  expect(stack.pop()).toBe(1);
  expect(stack.pop()).toBeUndefined();
  expect(Stack.limit).toBe(10);
});

it('takes the first', () => {
  expect(first<string>(['a'])).toBe('a');
});
`;

const planned = usePlannedScaffold();

describe('genericsOf', () => {
  it('writes the types passed as type arguments with the type parameters, in unions, arrays and promises', () => {
    const generics = genericsOf([['number'], undefined]);
    expect(generics?.params).toEqual(['T']);
    expect(['number', 'number | undefined', 'number[]', 'Promise<number>', 'string', 'Map<number, string>'].map((type) => generics?.substitute(type))).toEqual([
      'T',
      'T | undefined',
      'T[]',
      'Promise<T>',
      'string',
      'Map<number, string>',
    ]);
    expect(genericsOf([['string', 'number']])?.params).toEqual(['T', 'U']);
    expect(genericsOf([undefined, []])).toBeUndefined();
  });
});

describe('explicit type arguments in the tests', () => {
  it('make a generic class and a generic function whose types name the parameter', async () => {
    const scaffold = await planned({ 'tsconfig.json': '{}', 'test/stack.test.ts': test });
    const summary = printContracts(scaffold.model);
    expect(summary).toContain('export class Stack<T> {\n  constructor();\n  push(n: T): void;\n  pop(): T | undefined;\n  static readonly limit: number;\n}');
    expect(summary).toContain('export function first<T>(items: T[]): T;');
    const text = plannedText(scaffold, 'src/stack.ts');
    expect(text).toContain('export class Stack<T> {\n  push(n: T): void {');
    expect(text).toContain('  pop(): T | undefined {');
    expect(text).toContain('export function first<T>(items: T[]): T {');
  });
});
