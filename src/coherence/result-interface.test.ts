import { describe, expect, it } from 'vitest';
import { plannedText, usePlannedScaffold } from '../../test/helpers/planned-scaffold.js';
import { printContracts } from './print-contracts.js';

const test = `import { expect, it } from 'vitest';
import { createQueue, openStore, parse } from '../src/queue.js';

it('queues', () => {
  const q = createQueue();
  q.enqueue(1);
  expect(q.size()).toBe(1);
  expect(q.label).toBe('main');
});

it('opens a store', async () => {
  const store = await openStore('db');
  expect(store.get('a')).toBeUndefined();
});

it('parses', () => {
  const n = parse('1');
  expect(n).toBe(1);
  n.toFixed();
});
`;

const planned = usePlannedScaffold();

describe('members the tests use on what a function returns', () => {
  it('become an interface that the function returns, in the contract and its summary', async () => {
    const { model } = await planned({ 'tsconfig.json': '{}', 'test/queue.test.ts': test });
    const exports = model.modules[0]?.exports ?? [];
    const queue = exports.find((contract) => contract.name === 'createQueue');
    expect(queue).toMatchObject({ kind: 'function', returns: 'Queue', result: { name: 'Queue' } });
    expect(queue?.kind === 'function' ? queue.result?.members.map((member) => [member.kind, member.name]) : []).toEqual([
      ['method', 'enqueue'],
      ['method', 'size'],
      ['property', 'label'],
    ]);
    expect(exports.find((contract) => contract.name === 'openStore')).toMatchObject({ returns: 'Promise<OpenStoreResult>', async: true });
    // A result the assertions type already (`toBe(1)`) keeps that type: its members are the type's own.
    const parse = exports.find((contract) => contract.name === 'parse');
    expect(parse).toMatchObject({ returns: 'number' });
    expect(parse?.kind === 'function' ? parse.result : 'not a function').toBeUndefined();
    expect(printContracts(model)).toContain(
      'export interface Queue {\n  enqueue(n: number): void;\n  size(): number;\n  readonly label: string;\n}\nexport function createQueue(): Queue;',
    );
  });

  it('are scaffolded as an exported interface in TypeScript', async () => {
    const scaffold = await planned({ 'tsconfig.json': '{}', 'test/queue.test.ts': test });
    const text = plannedText(scaffold, 'src/queue.ts');
    expect(text).toContain(
      "export interface Queue {\n  enqueue(n: number): void;\n  size(): number;\n  readonly label: string;\n}\n\nexport function createQueue(): Queue {\n  throw new NotImplementedError('createQueue');\n}",
    );
    expect(text).toContain(
      'export interface OpenStoreResult {\n  get(text: string): undefined;\n}\n\nexport function openStore(text: string): Promise<OpenStoreResult> {',
    );
  });

  it('are scaffolded as a JSDoc typedef in JavaScript', async () => {
    const scaffold = await planned({
      'package.json': '{ "type": "module" }',
      'test/queue.test.js': test.replace(/'\.\.\/src\/queue\.js'/, "'../lib/queue.js'"),
    });
    const text = plannedText(scaffold, 'lib/queue.js');
    expect(text).toContain(
      '/**\n * @typedef {object} Queue\n * @property {(n: number) => void} enqueue\n * @property {() => number} size\n * @property {string} label\n */\n\n/**\n * @returns {Queue}\n */\nexport function createQueue() {',
    );
  });
});
