import { describe, expect, it } from 'vitest';
import type { ContractModel, Evidence, ParameterContract } from './contract-model.js';
import { printContracts } from './print-contracts.js';

const at: Evidence[] = [{ file: 'test/stack.test.ts', line: 2 }];
const param = (name: string, type: string, optional = false): ParameterContract => ({ name, type, optional });

const model: ContractModel = {
  testFiles: ['test/stack.test.ts', 'test/user.test.ts'],
  modules: [
    {
      specifier: '../src/stack.js',
      file: 'src/stack.ts',
      exists: false,
      importedBy: ['test/stack.test.ts'],
      exports: [
        {
          kind: 'class',
          name: 'Stack',
          constructorParams: [],
          members: [
            { kind: 'method', name: 'push', static: false, params: [param('item', 'number')], returns: 'void', async: false, throws: [], evidence: at },
            { kind: 'method', name: 'pop', static: false, params: [], returns: 'number', async: false, throws: ['EmptyStackError'], evidence: at },
            { kind: 'property', name: 'size', type: 'number', static: false, written: false, evidence: at },
            { kind: 'property', name: 'label', type: 'string', static: false, written: true, evidence: at },
            { kind: 'method', name: 'from', static: true, params: [param('items', 'number[]')], returns: 'Stack', async: false, throws: [], evidence: at },
          ],
          extendsError: false,
          evidence: at,
        },
        { kind: 'class', name: 'EmptyStackError', constructorParams: [], members: [], extendsError: true, evidence: at },
        {
          kind: 'function',
          name: 'add',
          params: [param('a', 'number'), param('b', 'number', true)],
          returns: 'number',
          async: false,
          throws: [],
          evidence: at,
        },
        { kind: 'function', name: 'load', params: [param('url', 'string')], returns: 'Promise<User>', async: true, throws: ['NotFoundError'], evidence: at },
        { kind: 'value', name: 'LIMIT', type: 'number', evidence: at },
      ],
    },
    {
      specifier: '../src/user.js',
      file: 'src/user.ts',
      exists: true,
      importedBy: ['test/stack.test.ts', 'test/user.test.ts'],
      exports: [
        { kind: 'function', name: 'default', localName: 'greet', params: [], returns: 'unknown', async: false, throws: [], evidence: at },
        { kind: 'class', name: 'ValidationError', constructorParams: [param('text', 'string')], members: [], extendsError: true, evidence: at },
      ],
    },
  ],
  conflicts: [{ file: 'src/user.ts', symbol: 'greet', message: '`greet` is expected to give number at a:1 and string at b:2', evidence: at }],
  missingPackages: [{ specifier: 'lodash', importedBy: [{ file: 'test/user.test.ts', line: 3 }] }],
  problems: [{ file: 'test/bad.test.ts', line: 4, message: "test/bad.test.ts:4:7: ')' expected.\n  4 |   f(1;" }],
};

describe('printContracts', () => {
  it('prints one declaration summary per module, then the notes', () => {
    expect(printContracts(model)).toBe(
      [
        '// src/stack.ts — missing; imported by test/stack.test.ts',
        'export class Stack {',
        '  constructor();',
        '  push(item: number): void;',
        '  pop(): number;  // throws EmptyStackError',
        '  readonly size: number;',
        '  label: string;',
        '  static from(items: number[]): Stack;',
        '}',
        'export class EmptyStackError extends Error {}',
        'export function add(a: number, b?: number): number;',
        'export function load(url: string): Promise<User>;  // throws NotFoundError',
        'export const LIMIT: number;',
        '',
        '// src/user.ts — exists; imported by test/stack.test.ts, test/user.test.ts',
        'export default function greet(): unknown;',
        'export class ValidationError extends Error {',
        '  constructor(text: string);',
        '}',
        '',
        '// missing package: lodash (test/user.test.ts:3)',
        '// conflict in src/user.ts: `greet` is expected to give number at a:1 and string at b:2',
        "// unreadable test file: test/bad.test.ts:4:7: ')' expected.",
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for an empty model', () => {
    expect(printContracts({ testFiles: [], modules: [], conflicts: [], missingPackages: [], problems: [] })).toBe('');
  });
});
