import { afterEach, describe, expect, it } from 'vitest';
import { aClass, aFunction, aMethod, aModel, aModule, aParam, aProperty } from '../../test/helpers/contract-factories.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { checkContracts } from './check-contracts.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function check(files: Record<string, string>, modules: Parameters<typeof aModel>[0]) {
  project = await createTempProject(files);
  return checkContracts(project.dir, aModel(modules));
}

describe('checkContracts', () => {
  it('finds a module that does not exist, naming the test that imports it', async () => {
    const findings = await check({}, [aModule('src/stack.ts', [aClass('Stack', { evidence: [{ file: 'test/stack.test.ts', line: 2 }] })])]);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'missing-module',
        file: 'src/stack.ts',
        message: 'src/stack.ts does not exist (test/stack.test.ts:2 imports `../src/stack.js`)',
      }),
    ]);
  });

  it('finds a missing export and suggests a near name the tests do not use', async () => {
    const findings = await check({ 'src/stack.ts': 'export function pop(): number { return 1; }\nexport function push(n: number): void {}\n' }, [
      aModule('src/stack.ts', [
        aFunction('popp', { evidence: [{ file: 'test/stack.test.ts', line: 9 }] }),
        aFunction('push', { params: [aParam('n', 'number')] }),
      ]),
    ]);
    expect(findings).toEqual([
      {
        kind: 'missing-export',
        file: 'src/stack.ts',
        symbol: 'popp',
        suggestion: 'pop',
        message: 'src/stack.ts has no export `popp` (test/stack.test.ts:9 imports it); did you mean `pop`?',
        evidence: [{ file: 'test/stack.test.ts', line: 9 }],
      },
    ]);
  });

  it('finds calls with too many or too few arguments, and accepts optional and rest parameters', async () => {
    const code = [
      'export function one(a: number) { return a; }',
      'export function two(a: number, b: number) { return a + b; }',
      'export function opt(a: number, b?: number) { return a + (b ?? 0); }',
      'export function rest(...xs: number[]) { return xs.length; }',
      '',
    ].join('\n');
    const findings = await check({ 'src/m.ts': code }, [
      aModule('src/m.ts', [
        aFunction('one', { params: [aParam('a'), aParam('b')] }),
        aFunction('two', { params: [aParam('a')] }),
        aFunction('opt', { params: [aParam('a')] }),
        aFunction('rest', { params: [aParam('a'), aParam('b'), aParam('c')] }),
      ]),
    ]);
    expect(findings.map((finding) => [finding.kind, finding.symbol, finding.message])).toEqual([
      ['arity', 'one', '`one` takes at most 1 argument, but the tests pass 2: src/m.ts (test/a.test.ts:3)'],
      ['arity', 'two', '`two` requires 2 arguments, but the tests pass 1: src/m.ts (test/a.test.ts:3)'],
    ]);
  });

  it('finds an awaited function that returns no Promise, and accepts async functions and declared Promises', async () => {
    const code = [
      'export function sync(): number { return 1; }',
      'export async function real() { return 1; }',
      'export function declared(): Promise<number> { return Promise.resolve(1); }',
      '',
    ].join('\n');
    const findings = await check({ 'src/m.ts': code }, [
      aModule('src/m.ts', [aFunction('sync', { async: true }), aFunction('real', { async: true }), aFunction('declared', { async: true })]),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'not-async', symbol: 'sync', message: expect.stringMatching(/^`sync` in src\/m\.ts does not return a Promise/) }),
    ]);
  });

  it('finds `new` on a function and a call on a class or a constant', async () => {
    const code = 'export function Stack() {}\nexport class Queue {}\nexport const limit = 3;\n';
    const findings = await check({ 'src/m.ts': code }, [aModule('src/m.ts', [aClass('Stack'), aFunction('Queue'), aFunction('limit')])]);
    expect(findings.map((finding) => [finding.kind, finding.symbol])).toEqual([
      ['not-a-class', 'Stack'],
      ['not-a-function', 'Queue'],
      ['not-a-function', 'limit'],
    ]);
    expect(findings[1]?.message).toContain('is a class (call it with `new`)');
  });

  it('finds missing class members (static ones on the class), with a suggestion, and checks methods like functions', async () => {
    const code = [
      'export class Stack {',
      '  static of(): Stack { return new Stack(); }',
      '  size = 0;',
      '  pop(): number { return 1; }',
      '  push(n: number): void {}',
      '}',
      '',
    ].join('\n');
    const findings = await check({ 'src/stack.ts': code }, [
      aModule('src/stack.ts', [
        aClass('Stack', {
          members: [
            aMethod('popp'),
            aMethod('push', { params: [aParam('a'), aParam('b')] }),
            aProperty('size'),
            aMethod('of', { static: true }),
            aMethod('empty', { static: true }),
          ],
        }),
      ]),
    ]);
    expect(findings.map((finding) => [finding.kind, finding.symbol, finding.suggestion])).toEqual([
      ['missing-member', 'Stack.popp', 'pop'],
      ['arity', 'Stack.push', undefined],
      ['missing-member', 'Stack.empty', undefined],
    ]);
    expect(findings[0]?.message).toBe('class `Stack` in src/stack.ts has no member `popp` (test/a.test.ts:5 uses it); did you mean `pop`?');
    expect(findings[2]?.message).toContain('has no static member `empty`');
  });

  it('checks the constructor arity', async () => {
    const findings = await check({ 'src/lru.ts': 'export class Lru { constructor(capacity: number) {} }\n' }, [aModule('src/lru.ts', [aClass('Lru')])]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'arity', symbol: 'Lru.constructor' })]);
  });

  it('reads JavaScript: ESM with JSDoc, CommonJS exports, and re-exports', async () => {
    const files = {
      'src/esm.js': '/** @param {number} a @returns {number} */\nexport function inc(a) { return a + 1; }\n',
      'src/cjs.js': 'function add(a, b) { return a + b; }\nmodule.exports = { add };\n',
      'src/index.ts': "export { inc as increment } from './esm.js';\n",
    };
    const findings = await check(files, [
      aModule('src/esm.js', [aFunction('inc', { params: [aParam('a')], async: true })]),
      aModule('src/cjs.js', [aFunction('add', { params: [aParam('a'), aParam('b')] }), aFunction('sub')]),
      aModule('src/index.ts', [aFunction('increment', { params: [aParam('a'), aParam('b')] })]),
    ]);
    expect(findings.map((finding) => [finding.kind, finding.file, finding.symbol])).toEqual([
      ['not-async', 'src/esm.js', 'inc'],
      ['missing-export', 'src/cjs.js', 'sub'],
      ['arity', 'src/index.ts', 'increment'],
    ]);
  });

  it('finds nothing when the code has what the tests use', async () => {
    const code = 'export class Stack<T> { push(item: T): void {} get size(): number { return 0; } }\nexport async function load(id: string) { return id; }\n';
    const findings = await check({ 'src/m.ts': code }, [
      aModule('src/m.ts', [
        aClass('Stack', { members: [aMethod('push', { params: [aParam('item')] }), aProperty('size')] }),
        aFunction('load', { params: [aParam('id', 'string')], async: true }),
      ]),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports nothing missing from a CommonJS module whose exports it cannot read (spread requires)', async () => {
    const files = {
      'lib/index.js': "'use strict';\nmodule.exports = { ...require('./queue'), ...require('./job') };\n",
      'lib/queue.js': "'use strict';\nclass Queue {}\nmodule.exports = { Queue };\n",
      'lib/job.js': "'use strict';\nfunction createJob() { return {}; }\nmodule.exports = { createJob };\n",
    };
    expect(await check(files, [aModule('lib/index.js', [aClass('Queue'), aFunction('createJob')])])).toEqual([]);
    // an empty module still lacks what the tests import
    const empty = await check({ 'lib/index.js': "'use strict';\n" }, [aModule('lib/index.js', [aFunction('createJob')])]);
    expect(empty.map((finding) => finding.kind)).toEqual(['missing-export']);
  });
});
