import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import type { ContractModel, ExportContract } from './contract-model.js';
import { extractContracts } from './extract-contracts.js';

/** The export `name` of the module in `file`, without evidence; fails the test when absent. */
function exportShape(model: ContractModel, file: string, name: string): unknown {
  const found: ExportContract | undefined = model.modules.find((module) => module.file === file)?.exports.find((contract) => contract.name === name);
  if (found === undefined) throw new Error(`no export ${name} in ${file}: ${model.modules.map((module) => module.file).join(', ')}`);
  return JSON.parse(JSON.stringify(found, (key, inner: unknown) => (key === 'evidence' ? undefined : inner)));
}

const fn = (name: string, params: [string, string, boolean?][], returns: string, extra: { async?: boolean; throws?: string[] } = {}): unknown => ({
  kind: 'function',
  name,
  params: params.map(([paramName, type, optional]) => ({ name: paramName, type, optional: optional ?? false })),
  returns,
  async: extra.async ?? false,
  throws: extra.throws ?? [],
});

describe('extractContracts on JavaScript projects of several frameworks', () => {
  let project: TempProject;
  let model: ContractModel;

  beforeAll(async () => {
    project = await createTempProject({
      'package.json': '{"name":"js-demo"}',
      // jest, CommonJS
      '__tests__/cart.test.js': `const { Cart, total, average } = require('../lib/cart');
const format = require('../lib/format.cjs');

describe('cart', () => {
  test('totals', () => {
    const cart = new Cart();
    cart.add('apple', 2);
    expect(cart.count).toBe(1);
    expect(total([1, 2])).toBe(3);
    expect(() => total(null)).toThrowError(TypeError);
    expect(total).not.toThrow();
  });
  function expectAverage(xs, want) {
    expect(average(xs)).toBe(want);
  }
  test('averages', () => {
    expectAverage([2, 4], 3);
    expectAverage([], 0);
  });
  test('formats', async () => {
    const { pad } = await import('../lib/pad.mjs');
    expect(pad('a', 3)).toEqual('  a');
    expect(format(3)).toBe('3.00');
  });
});
`,
      // node:test with node:assert/strict
      'test/queue.test.mjs': `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Queue, parse, fetchJson, QueueFullError } from '../src/queue.mjs';

test('queue', async () => {
  const q = new Queue(2);
  q.enqueue('a');
  assert.equal(q.dequeue(), 'a');
  assert.deepStrictEqual(parse('1,2'), [1, 2]);
  assert.ok(q.isEmpty());
  assert.throws(() => q.dequeue(), QueueFullError);
  await assert.rejects(fetchJson('x'), /nope/);
  const data = await fetchJson('y');
  assert.deepEqual(data, { ok: true });
});
`,
      // mocha + chai
      'spec/shapes.spec.js': `const { expect, assert } = require('chai');
const { Circle, area, isRound, makeShape } = require('../src/shapes');

describe('shapes', () => {
  it('computes', () => {
    const c = new Circle(1);
    expect(c.radius).to.equal(1);
    expect(area(c)).to.be.closeTo(3.14, 0.01);
    expect(isRound(c)).to.be.true;
    expect(makeShape('circle', 2)).to.be.an.instanceof(Circle);
    expect(() => area(null)).to.throw(TypeError);
    assert.equal(c.diameter(), 2);
    expect(c.points()).to.deep.equal([{ x: 0, y: 1 }]);
  });
});
`,
    });
    model = await extractContracts(project.dir);
  });
  afterAll(() => project.cleanup());

  it('reads jest tests written with require, destructuring, a whole-module require and a dynamic import', () => {
    expect(model.modules.map((module) => [module.file, module.exists])).toEqual([
      ['lib/cart.js', false],
      ['lib/format.cjs', false],
      ['lib/pad.mjs', false],
      ['src/queue.mjs', false],
      ['src/shapes.js', false],
    ]);
    expect(exportShape(model, 'lib/cart.js', 'Cart')).toEqual({
      kind: 'class',
      name: 'Cart',
      constructorParams: [],
      members: [
        {
          kind: 'method',
          name: 'add',
          static: false,
          params: [
            { name: 'text', type: 'string', optional: false },
            { name: 'n', type: 'number', optional: false },
          ],
          returns: 'void',
          async: false,
          throws: [],
        },
        { kind: 'property', name: 'count', type: 'number', static: false, written: false },
      ],
      extendsError: false,
    });
    expect(exportShape(model, 'lib/cart.js', 'total')).toEqual(fn('total', [['items', 'number[] | null']], 'number', { throws: ['TypeError'] }));
    expect(exportShape(model, 'lib/cart.js', 'average')).toEqual(fn('average', [['xs', 'number[]']], 'number'));
    expect(exportShape(model, 'lib/pad.mjs', 'pad')).toEqual(
      fn(
        'pad',
        [
          ['text', 'string'],
          ['n', 'number'],
        ],
        'string',
      ),
    );
    expect(exportShape(model, 'lib/format.cjs', 'default')).toEqual(fn('default', [['n', 'number']], 'string'));
  });

  it('reads node:test tests with node:assert/strict', () => {
    expect(exportShape(model, 'src/queue.mjs', 'Queue')).toEqual({
      kind: 'class',
      name: 'Queue',
      constructorParams: [{ name: 'n', type: 'number', optional: false }],
      members: [
        {
          kind: 'method',
          name: 'enqueue',
          static: false,
          params: [{ name: 'text', type: 'string', optional: false }],
          returns: 'void',
          async: false,
          throws: [],
        },
        { kind: 'method', name: 'dequeue', static: false, params: [], returns: 'string', async: false, throws: ['QueueFullError'] },
        { kind: 'method', name: 'isEmpty', static: false, params: [], returns: 'boolean', async: false, throws: [] },
      ],
      extendsError: false,
    });
    expect(exportShape(model, 'src/queue.mjs', 'parse')).toEqual(fn('parse', [['text', 'string']], 'number[]'));
    expect(exportShape(model, 'src/queue.mjs', 'fetchJson')).toEqual(
      fn('fetchJson', [['text', 'string']], 'Promise<{ ok: boolean }>', { async: true, throws: ['Error'] }),
    );
    expect(exportShape(model, 'src/queue.mjs', 'QueueFullError')).toMatchObject({ kind: 'class', extendsError: true });
  });

  it('reads mocha tests with chai expect and assert', () => {
    expect(exportShape(model, 'src/shapes.js', 'Circle')).toEqual({
      kind: 'class',
      name: 'Circle',
      constructorParams: [{ name: 'n', type: 'number', optional: false }],
      members: [
        { kind: 'property', name: 'radius', type: 'number', static: false, written: false },
        { kind: 'method', name: 'diameter', static: false, params: [], returns: 'number', async: false, throws: [] },
        { kind: 'method', name: 'points', static: false, params: [], returns: '{ x: number; y: number }[]', async: false, throws: [] },
      ],
      extendsError: false,
    });
    expect(exportShape(model, 'src/shapes.js', 'area')).toEqual(fn('area', [['c', 'Circle | null']], 'number', { throws: ['TypeError'] }));
    expect(exportShape(model, 'src/shapes.js', 'isRound')).toEqual(fn('isRound', [['c', 'Circle']], 'boolean'));
    expect(exportShape(model, 'src/shapes.js', 'makeShape')).toEqual(
      fn(
        'makeShape',
        [
          ['text', 'string'],
          ['n', 'number'],
        ],
        'Circle',
      ),
    );
    expect(model.conflicts).toEqual([]);
    expect(model.missingPackages).toEqual([]);
  });
});

describe('extractContracts on disagreeing and broken tests', () => {
  let project: TempProject;
  let model: ContractModel;

  beforeAll(async () => {
    project = await createTempProject({
      'tsconfig.json': '{}',
      'test/a.test.ts': `import { Parser, size } from '../src/parser';
it('constructs', () => {
  const p = new Parser();
  expect(size('abc')).toBe(3);
});
`,
      'test/b.test.ts': `import { Parser, size } from '../src/parser';
it('calls', () => {
  expect(Parser('x')).toBe(1);
  expect(size('abc')).toBe('3');
});
`,
      'test/broken.test.ts': `import { size } from '../src/parser';
it('breaks', () => {
  expect(size(1).toBe(2);
});
`,
    });
    model = await extractContracts(project.dir);
  });
  afterAll(() => project.cleanup());

  it('reports a class used as a function, and results of two types, keeping the first reading', () => {
    expect(model.conflicts).toEqual([
      {
        file: 'src/parser.ts',
        symbol: 'Parser',
        message: '`Parser` is constructed with `new` at test/a.test.ts:3 and called as a function at test/b.test.ts:3',
        evidence: [
          { file: 'test/a.test.ts', line: 3 },
          { file: 'test/b.test.ts', line: 3 },
        ],
      },
      {
        file: 'src/parser.ts',
        symbol: 'size',
        message: '`size` is expected to give number at test/a.test.ts:4 and string at test/b.test.ts:4',
        evidence: [
          { file: 'test/a.test.ts', line: 4 },
          { file: 'test/b.test.ts', line: 4 },
        ],
      },
    ]);
    expect(exportShape(model, 'src/parser.ts', 'Parser')).toMatchObject({ kind: 'class' });
    expect(exportShape(model, 'src/parser.ts', 'size')).toMatchObject({ kind: 'function', returns: 'number' });
  });

  it('reports a test file with a syntax error by file and line, and reads the others', () => {
    expect(model.testFiles).toEqual(['test/a.test.ts', 'test/b.test.ts', 'test/broken.test.ts']);
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]).toMatchObject({ file: 'test/broken.test.ts', line: 3 });
    expect(model.problems[0]?.message).toMatch(/^test\/broken\.test\.ts:3:\d+: '\)' expected\./);
    expect(model.modules[0]?.importedBy).toEqual(['test/a.test.ts', 'test/b.test.ts']);
  });

  it('reads only the test files it is given', async () => {
    const only = await extractContracts(project.dir, { testFiles: ['test/a.test.ts'] });
    expect(only.testFiles).toEqual(['test/a.test.ts']);
    expect(only.conflicts).toEqual([]);
    expect(only.problems).toEqual([]);
    expect(exportShape(only, 'src/parser.ts', 'size')).toEqual(fn('size', [['text', 'string']], 'number'));
  });
});
