import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import type { ClassContract, ContractModel, ExportContract, FunctionContract, ModuleContract } from './contract-model.js';
import { extractContracts } from './extract-contracts.js';

/** The module contract for `file`; fails the test when absent. */
function moduleOf(model: ContractModel, file: string): ModuleContract {
  const found = model.modules.find((module) => module.file === file);
  if (found === undefined) throw new Error(`no module ${file} in ${model.modules.map((module) => module.file).join(', ')}`);
  return found;
}

function exportOf(model: ContractModel, file: string, name: string): ExportContract {
  const found = moduleOf(model, file).exports.find((contract) => contract.name === name);
  if (found === undefined) throw new Error(`no export ${name} in ${file}`);
  return found;
}

function functionOf(model: ContractModel, file: string, name: string): FunctionContract {
  const found = exportOf(model, file, name);
  if (found.kind !== 'function') throw new Error(`${name} is a ${found.kind}`);
  return found;
}

function classOf(model: ContractModel, file: string, name: string): ClassContract {
  const found = exportOf(model, file, name);
  if (found.kind !== 'class') throw new Error(`${name} is a ${found.kind}`);
  return found;
}

/** Only what the model says of types and shapes, without the evidence lists. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'evidence' ? undefined : inner)));
}

describe('extractContracts on a vitest TypeScript project', () => {
  let project: TempProject;
  let model: ContractModel;
  let elapsed = 0;

  beforeAll(async () => {
    project = await createTempProject({
      'package.json': '{"name":"demo","type":"module"}',
      'tsconfig.json': '{}',
      'node_modules/left-pad/package.json': '{"name":"left-pad"}',
      'src/existing.ts': 'export const x = 1;\n',
      'src/lib/index.ts': 'export {};\n',
      'test/stack.test.ts': `import { beforeEach, describe, expect, it } from 'vitest';
import { Stack, EmptyStackError } from '../src/stack.js';

describe('Stack', () => {
  let stack: Stack;
  beforeEach(() => {
    stack = new Stack();
  });
  it('pushes and pops', () => {
    stack.push(1);
    expect(stack.pop()).toBe(1);
    expect(stack.size).toBe(0);
    expect(stack.isEmpty()).toBeTruthy();
  });
  it('throws on an empty stack', () => {
    expect(() => stack.pop()).toThrow(EmptyStackError);
  });
  it('is made from items', () => {
    const other = Stack.from([1, 2]);
    expect(other).toBeInstanceOf(Stack);
    expect(other.peek()).toBe(2);
    expect(stack.peek()).toBeNull();
    stack.label = 'main';
  });
  it('keeps a capacity', () => {
    const sized = new Stack(10);
    expect(sized.capacity).toBe(10);
  });
});
`,
      'test/math.test.ts': `import { expect, it, test } from 'vitest';
import { add, clamp, mean, square, describeUser, tags, explode, Boom } from '../src/math';
import * as strings from '../src/strings.js';
import Greeter from '../src/greeter.js';
import padLeft from 'left-pad';
import { readFileSync } from 'node:fs';
import chalk from 'chalk';
import { x } from '../src/existing.js';
import { helper } from '../src/lib';
import config = require('../src/config');

it.each([
  [1, 2, 3],
  [2, 3, 5],
])('add(%i, %i)', (a, b, expected) => {
  expect(add(a, b)).toBe(expected);
});

test.each([
  { value: 5, low: 0, high: 3, want: 3 },
  { value: -1, low: 0, high: 3, want: 0 },
])('clamp', ({ value, low, high, want }) => {
  expect(clamp(value, low, high)).toBe(want);
});

it.each\`
  xs           | avg
  \${[1, 2, 3]} | \${2}
\`('mean', ({ xs, avg }) => {
  expect(mean(xs)).toBeCloseTo(avg);
});

function check(n: number, expected: number) {
  expect(square(n)).toBe(expected);
}
check(2, 4);

it('uses a namespace and a default import', () => {
  expect(strings.shout('hi')).toBe('HI!');
  expect(strings.shout('hi', 2)).toBe('HI!!');
  const greeter = new Greeter('Ada');
  expect(greeter.greet()).toMatch(/Ada/);
  const user = { id: 1, name: 'Ada' };
  expect(describeUser(user)).toEqual({ label: 'Ada', admin: false });
  expect(tags()).toHaveLength(2);
  expect(tags()).toContain('a');
  void padLeft; void readFileSync; void chalk; void x; void helper;
});

it('reads a whole-module require and a function expected to throw', () => {
  expect(config.limit).toBe(3);
  expect(config.names).toEqual(['a']);
  expect(explode).toThrow(Boom);
});
`,
      'test/api.test.ts': `import { expect, it } from 'vitest';
import { load, save, fetchAll, NotFoundError } from '../src/api.js';

it('loads', async () => {
  await expect(load('a')).resolves.toEqual({ id: 1 });
  await expect(load('missing')).rejects.toThrow(NotFoundError);
});
it('saves', async () => {
  const saved = await save({ id: 1 }, true);
  expect(saved).toBe(true);
  await save({ id: 2 });
});
it('fetches all', () => {
  return fetchAll().then((all) => expect(all).toEqual([]));
});
`,
    });
    const started = performance.now();
    model = await extractContracts(project.dir);
    elapsed = performance.now() - started;
  });
  afterAll(() => project.cleanup());

  it('finds the test files and reads them all in one pass', () => {
    expect(model.testFiles).toEqual(['test/api.test.ts', 'test/math.test.ts', 'test/stack.test.ts']);
    expect(model.problems).toEqual([]);
    expect(elapsed).toBeLessThan(15_000);
  });

  it('resolves specifiers to files to create, existing files and folder indexes, in file order', () => {
    expect(model.modules.map((module) => [module.specifier, module.file, module.exists])).toEqual([
      ['../src/api.js', 'src/api.ts', false],
      ['../src/config', 'src/config.ts', false],
      ['../src/existing.js', 'src/existing.ts', true],
      ['../src/greeter.js', 'src/greeter.ts', false],
      ['../src/lib', 'src/lib/index.ts', true],
      ['../src/math', 'src/math.ts', false],
      ['../src/stack.js', 'src/stack.ts', false],
      ['../src/strings.js', 'src/strings.ts', false],
    ]);
    expect(moduleOf(model, 'src/stack.ts').importedBy).toEqual(['test/stack.test.ts']);
  });

  it('reports an uninstalled package and ignores builtins, installed packages and the framework', () => {
    expect(model.missingPackages).toEqual([{ specifier: 'chalk', importedBy: [{ file: 'test/math.test.ts', line: 7 }] }]);
  });

  it('reads a class from new, beforeEach instances, members, statics and a thrown error class', () => {
    expect(shape(classOf(model, 'src/stack.ts', 'Stack'))).toEqual({
      kind: 'class',
      name: 'Stack',
      constructorParams: [{ name: 'n', type: 'number', optional: true }],
      members: [
        { kind: 'method', name: 'push', static: false, params: [{ name: 'n', type: 'number', optional: false }], returns: 'void', async: false, throws: [] },
        { kind: 'method', name: 'pop', static: false, params: [], returns: 'number', async: false, throws: ['EmptyStackError'] },
        { kind: 'property', name: 'size', type: 'number', static: false, written: false },
        { kind: 'method', name: 'isEmpty', static: false, params: [], returns: 'boolean', async: false, throws: [] },
        {
          kind: 'method',
          name: 'from',
          static: true,
          params: [{ name: 'items', type: 'number[]', optional: false }],
          returns: 'Stack',
          async: false,
          throws: [],
        },
        { kind: 'method', name: 'peek', static: false, params: [], returns: 'number | null', async: false, throws: [] },
        { kind: 'property', name: 'label', type: 'string', static: false, written: true },
        { kind: 'property', name: 'capacity', type: 'number', static: false, written: false },
      ],
      extendsError: false,
    });
    expect(shape(classOf(model, 'src/stack.ts', 'EmptyStackError'))).toEqual({
      kind: 'class',
      name: 'EmptyStackError',
      constructorParams: [],
      members: [],
      extendsError: true,
    });
    expect(classOf(model, 'src/stack.ts', 'Stack').evidence[0]).toEqual({ file: 'test/stack.test.ts', line: 2 });
  });

  it('types parameters and results from each tables (arrays, objects, template literal)', () => {
    expect(shape(functionOf(model, 'src/math.ts', 'add'))).toEqual({
      kind: 'function',
      name: 'add',
      params: [
        { name: 'a', type: 'number', optional: false },
        { name: 'b', type: 'number', optional: false },
      ],
      returns: 'number',
      async: false,
      throws: [],
    });
    expect(functionOf(model, 'src/math.ts', 'clamp').params.map((param) => `${param.name}: ${param.type}`)).toEqual([
      'value: number',
      'low: number',
      'high: number',
    ]);
    expect(functionOf(model, 'src/math.ts', 'clamp').returns).toBe('number');
    expect(functionOf(model, 'src/math.ts', 'mean').params).toEqual([{ name: 'xs', type: 'number[]', optional: false }]);
    expect(functionOf(model, 'src/math.ts', 'mean').returns).toBe('number');
  });

  it('types a helper-driven call from the helper parameters', () => {
    expect(shape(functionOf(model, 'src/math.ts', 'square'))).toMatchObject({ params: [{ name: 'n', type: 'number', optional: false }], returns: 'number' });
  });

  it('reads object arguments and results, lengths and containment', () => {
    expect(functionOf(model, 'src/math.ts', 'describeUser').params).toEqual([{ name: 'user', type: '{ id: number; name: string }', optional: false }]);
    expect(functionOf(model, 'src/math.ts', 'describeUser').returns).toBe('{ label: string; admin: boolean }');
    expect(functionOf(model, 'src/math.ts', 'tags').returns).toBe('string');
  });

  it('reads values of a whole-module require, and a function only expected to throw', () => {
    expect(moduleOf(model, 'src/config.ts').exports.map((contract) => shape(contract))).toEqual([
      { kind: 'value', name: 'limit', type: 'number' },
      { kind: 'value', name: 'names', type: 'string[]' },
    ]);
    expect(shape(functionOf(model, 'src/math.ts', 'explode'))).toEqual({
      kind: 'function',
      name: 'explode',
      params: [],
      returns: 'void',
      async: false,
      throws: ['Boom'],
    });
    expect(classOf(model, 'src/math.ts', 'Boom').extendsError).toBe(true);
  });

  it('reads namespace members with optional parameters, and a default-imported class', () => {
    expect(shape(functionOf(model, 'src/strings.ts', 'shout'))).toEqual({
      kind: 'function',
      name: 'shout',
      params: [
        { name: 'text', type: 'string', optional: false },
        { name: 'n', type: 'number', optional: true },
      ],
      returns: 'string',
      async: false,
      throws: [],
    });
    const greeter = classOf(model, 'src/greeter.ts', 'default');
    expect(greeter.localName).toBe('Greeter');
    expect(greeter.constructorParams).toEqual([{ name: 'text', type: 'string', optional: false }]);
    expect(greeter.members.map((member) => [member.name, member.kind === 'method' ? member.returns : member.type])).toEqual([['greet', 'string']]);
  });

  it('reads awaited calls: resolves, rejects, await, then', () => {
    expect(shape(functionOf(model, 'src/api.ts', 'load'))).toEqual({
      kind: 'function',
      name: 'load',
      params: [{ name: 'text', type: 'string', optional: false }],
      returns: 'Promise<{ id: number }>',
      async: true,
      throws: ['NotFoundError'],
    });
    expect(shape(functionOf(model, 'src/api.ts', 'save'))).toEqual({
      kind: 'function',
      name: 'save',
      params: [
        { name: 'options', type: '{ id: number }', optional: false },
        { name: 'flag', type: 'boolean', optional: true },
      ],
      returns: 'Promise<boolean>',
      async: true,
      throws: [],
    });
    expect(functionOf(model, 'src/api.ts', 'fetchAll').returns).toBe('Promise<unknown[]>');
    expect(classOf(model, 'src/api.ts', 'NotFoundError').extendsError).toBe(true);
    expect(model.conflicts).toEqual([]);
  });
});
