import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import { testsNeedContractCheck } from './tests-need-contract-check.js';

let temp: TempProject | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

async function project(files: Record<string, string>): Promise<string> {
  temp = await createTempProject(files, 'redgreen-need-scaffold-');
  return temp.dir;
}

const test = "import { expect, it } from 'vitest';\nimport { add } from '../src/math.js';\nit('adds', () => expect(add(1, 2)).toBe(3));\n";

describe('testsNeedContractCheck', () => {
  it('says yes for a module that does not exist', async () => {
    const root = await project({ 'tsconfig.json': '{}', 'test/math.test.ts': test });
    expect(await testsNeedContractCheck(root, ['test/math.test.ts'])).toBe(true);
  });

  it('says yes for a name the module does not mention', async () => {
    const root = await project({ 'tsconfig.json': '{}', 'test/math.test.ts': test, 'src/math.ts': 'export const sub = (a: number, b: number) => a - b;\n' });
    expect(await testsNeedContractCheck(root, ['test/math.test.ts'])).toBe(true);
  });

  it('says no when every module resolves and mentions every name (.js specifiers map to .ts)', async () => {
    const root = await project({ 'tsconfig.json': '{}', 'test/math.test.ts': test, 'src/math.ts': 'export const add = (a: number, b: number) => a - b;\n' });
    expect(await testsNeedContractCheck(root, ['test/math.test.ts'])).toBe(false);
  });

  it('ignores packages and test frameworks, and CommonJS requires count like imports', async () => {
    const cjs = "const assert = require('node:assert');\nconst { slugify } = require('../lib/slug');\n";
    const root = await project({ 'test/slug.test.js': cjs, 'lib/slug.js': 'exports.slug = (s) => s;\n' });
    expect(await testsNeedContractCheck(root, ['test/slug.test.js'])).toBe(true);
    await writeFile(join(root, 'lib/slug.js'), 'exports.slugify = (s) => s;\n');
    expect(await testsNeedContractCheck(root, ['test/slug.test.js'])).toBe(false);
  });
});

describe('testsNeedContractCheck on code that exists', () => {
  const check = async (test: string, code: string): Promise<boolean> => {
    const root = await project({ 'tsconfig.json': '{}', 'test/m.test.ts': `import { add, load, Stack } from '../src/m.js';\n${test}`, 'src/m.ts': code });
    return testsNeedContractCheck(root, ['test/m.test.ts']);
  };
  const code = [
    'export function add(a: number, b = 0, ...more: number[]): number { return a + b + more.length; }',
    'export const load = async (id: string) => [id];',
    'export class Stack { constructor(private readonly limit?: number) {} push(n: number): void {} get size(): number { return 0; } }',
  ].join('\n');

  it('says no when every call, await, constructor and member agrees with the declarations', async () => {
    const test = 'add(1); add(1, 2, 3, 4); await load("a"); const s = new Stack(3); s.push(1); s.size; s.limit; new Stack();\n';
    expect(await check(test, code)).toBe(false);
  });

  it('says yes for too few or too many arguments, to a function or a constructor', async () => {
    expect(await check('add();\n', code)).toBe(true);
    expect(await check('new Stack(1, 2);\n', code)).toBe(true);
    expect(await check('await load();\n', code)).toBe(true);
  });

  it('says yes for an awaited function that cannot return a Promise, in any of the ways a test awaits', async () => {
    const sync = code.replace('async (id: string) => [id]', '(id: string): string[] => [id]');
    expect(await check('await load("a");\n', sync)).toBe(true);
    expect(await check('load("a").then(() => 1);\n', sync)).toBe(true);
    expect(await check('expect(load("a")).resolves.toEqual([]);\n', sync)).toBe(true);
    expect(await check('expect(load("a")).toEqual(["a"]);\n', sync)).toBe(false);
  });

  it('says yes for a member the class does not declare, unless it extends another class', async () => {
    expect(await check('const s = new Stack(); s.peek();\n', code)).toBe(true);
    expect(await check('Stack.from([1]);\n', code)).toBe(true);
    expect(await check('const s = new Stack(); s.peek();\n', code.replace('export class Stack {', 'export class Stack extends Array {'))).toBe(false);
  });
});
