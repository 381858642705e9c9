import { describe, expect, it } from 'vitest';
import { findVerdictGaming } from './verdict-gaming.js';

/** The refusal reasons for adding `code` to an empty TypeScript file. */
function gaming(code: string, file = 'src/a.ts'): string[] {
  return findVerdictGaming(file, '', code);
}

function expectRefused(code: string, reason: string | RegExp): void {
  const reasons = gaming(code);
  expect(reasons, code).toHaveLength(1);
  expect(reasons[0], code).toMatch(reason);
}

function expectAllowed(code: string): void {
  expect(gaming(code), code).toEqual([]);
}

describe('findVerdictGaming', () => {
  it('refuses with the reason the task names', () => {
    expect(gaming('Object.is = () => true;')).toEqual(['refusing an edit to src/a.ts: it assigns to Object.is, a built-in the tests rely on']);
  });

  it.each([
    ['Object.is = () => true;', 'assigns to Object.is, a built-in'],
    ['Object.prototype.equals = () => true;', 'assigns to Object.prototype.equals'],
    ['Array.prototype.includes = function () { return true; };', 'assigns to Array.prototype.includes'],
    ['Number.isNaN = () => false;', 'assigns to Number.isNaN'],
    ['String.prototype.trim = function () { return "x"; };', 'assigns to String.prototype.trim'],
    ['JSON.stringify = () => "{}";', 'assigns to JSON.stringify'],
    ['Math.random = () => 0.5;', 'assigns to Math.random'],
    ['Promise.all = async () => [];', 'assigns to Promise.all'],
    ['Reflect.ownKeys = () => [];', 'assigns to Reflect.ownKeys'],
    ['Object.is ||= () => true;', 'assigns to Object.is'],
    ["Object['is'] = () => true;", 'assigns to Object.is'],
    ['Array.prototype[name] = f;', 'assigns to Array.prototype\\[…\\]'],
    ['(Object as any).is = () => true;', 'assigns to Object.is'],
    ['globalThis.fetch = async () => new Response("ok");', 'assigns to globalThis.fetch, the global object the tests share'],
    ['global.answer = 42;', 'assigns to global.answer'],
    ['window.alert = () => {};', 'assigns to window.alert'],
    ['globalThis.Object.is = () => true;', 'assigns to Object.is, a built-in'],
    ['globalThis.expect = () => ({ toBe() {} });', 'assigns to expect, a test-framework global'],
    ['expect = () => ({ toBe() {} });', 'assigns to expect, a test-framework global'],
    ['expect.extend = () => {};', 'assigns to expect.extend'],
    ['assert.equal = () => {};', 'assigns to assert.equal'],
    ['chai.expect = () => {};', 'assigns to chai.expect'],
    ['vi.fn = () => {};', 'assigns to vi.fn'],
    ['jest.fn = () => {};', 'assigns to jest.fn'],
    ['describe = () => {};', 'assigns to describe'],
    ['it.skip = it;', 'assigns to it.skip'],
    ['test.only = test;', 'assigns to test.only'],
    ['process.exit = () => {};', 'assigns to process.exit, part of the test process'],
    ['process.exitCode = 0;', 'assigns to process.exitCode'],
    ['process.exitCode++;', 'assigns to process.exitCode'],
    ['process.stdout.write = () => true;', 'assigns to process.stdout.write'],
    ['console.error = () => {};', 'assigns to console.error'],
    ['({ is: Object.is } = { is: () => true });', 'assigns to Object.is'],
    ['[Math.random] = [() => 0];', 'assigns to Math.random'],
    ['delete Object.is;', 'deletes Object.is'],
    ["Object.defineProperty(Object, 'is', { value: () => true });", 'redefines Object.is through Object.defineProperty\\(\\)'],
    ["Object.defineProperty(Object.prototype, 'x', { value: 1 });", 'redefines Object.prototype.x through Object.defineProperty\\(\\)'],
    ['Object.defineProperties(Array.prototype, {});', 'redefines Array.prototype through Object.defineProperties\\(\\)'],
    ['Object.assign(Math, { random: () => 0 });', 'redefines Math through Object.assign\\(\\)'],
    ["Reflect.set(globalThis, 'expect', () => {});", 'redefines globalThis.expect through Reflect.set\\(\\)'],
    ["Object.defineProperty(process, 'exitCode', { get: () => 0 });", 'redefines process.exitCode'],
    ['Object.setPrototypeOf(Array.prototype, null);', 'redefines Array.prototype through Object.setPrototypeOf\\(\\)'],
    ['process.exit(0);', 'calls process.exit\\(\\), which ends the test process early'],
    ['process.reallyExit(0);', 'calls process.reallyExit\\(\\)'],
    ['process.abort();', 'calls process.abort\\(\\)'],
    ["process.kill(process.pid, 'SIGKILL');", 'calls process.kill\\(\\) on the test process'],
    ['process.kill(0);', 'calls process.kill\\(\\) on the test process'],
    ["process['exit'](0);", 'calls process.exit\\(\\)'],
    ['globalThis.process.exit(0);', 'calls process.exit\\(\\)'],
    ['process.exit.call(process, 0);', 'calls process.exit\\(\\)'],
    ["import { exit } from 'node:process';\nexit(0);", 'calls process.exit\\(\\)'],
    ["import proc from 'process';\nproc.exit(0);", 'calls process.exit\\(\\)'],
    ["const p = require('node:process');\np.exit(0);", 'calls process.exit\\(\\)'],
    ['const p = process;\np.exit(0);', 'calls process.exit\\(\\)'],
    ['const { exit } = process;\nexit(0);', 'calls process.exit\\(\\)'],
    ['const proto = Array.prototype;\nproto.map = () => [];', 'assigns to Array.prototype.map'],
    ["import { expect } from 'vitest';\nexpect.soft = expect;", 'assigns to expect.soft'],
    ["import assert from 'node:assert/strict';\nassert.equal = () => {};", 'assigns to assert.equal'],
    ["import { expect } from 'chai';\nexpect.fail = () => {};", 'assigns to chai.expect.fail'],
    ['declare const process: any;\nprocess.exit(0);', 'calls process.exit\\(\\)'],
    ['function f() {\n  if (Math.random() > 2) process.exit(0);\n}', 'calls process.exit\\(\\)'],
    ['setTimeout(process.exit, 0);', 'hands process.exit to other code'],
    ['Reflect.apply(process.abort, process, []);', 'hands process.abort to other code'],
    ["eval('process.exit(0)');", 'runs code from a string'],
    ["globalThis.eval('1');", 'runs code from a string'],
    ["new Function('return 1')();", 'runs code from a string'],
    ["Function('return 1')();", 'runs code from a string'],
  ])('refuses %s', (code, reason) => {
    expectRefused(code, new RegExp(reason));
  });

  it.each([
    'const is = Object.is;',
    'let is = Object.is;\nis = (a: unknown, b: unknown) => a === b;',
    'const expect = 5;\nexport const twice = expect * 2;',
    'let expect: number;\nexpect = 3;',
    'function check(expect: { x: number }) {\n  expect.x = 1;\n}',
    'class Job {\n  exit = false;\n  stop() {\n    this.exit = true;\n  }\n}',
    'const options = { exit: true };\noptions.exit = false;',
    'export function same(a: unknown, b: unknown) {\n  return Object.is(a, b);\n}',
    'const copy = Object.assign({}, defaults, overrides);',
    "Object.defineProperty(target, 'x', { value: 1 });",
    'process.env.DEBUG = "1";',
    'console.log("hello");',
    'const items = [3, 1, 2].sort();',
    'export const exitCode = process.exitCode;',
    "process.kill(child.pid, 'SIGTERM');",
    'const expect = makeExpect();\nexpect.value = 2;',
    "import { describe } from './local.js';\ndescribe.value = 1;",
    'let process = { exit() {} };\nprocess.exit();',
    'const snapshot = { ...globalThis };',
    "const evaluate = (code: string) => code.length;\nevaluate('x');",
    'const exists = typeof process.exitCode;',
  ])('allows %s', (code) => {
    expectAllowed(code);
  });

  it('blames only what the edit adds: an exit already in the file passes', () => {
    const before = 'export function main() {\n  process.exit(1);\n}\n';
    expect(findVerdictGaming('src/cli.ts', before, before.replace('exit(1)', 'exit(2)'))).toEqual([]);
    const twice = `${before}export function quit() {\n  process.exit(0);\n}\n`;
    expect(findVerdictGaming('src/cli.ts', before, twice)).toEqual([
      'refusing an edit to src/cli.ts: it calls process.exit(), which ends the test process early',
    ]);
  });

  it('reads a new file whole, names each reason once, and reads JavaScript and JSX too', () => {
    expect(findVerdictGaming('src/new.js', undefined, 'Object.is = () => true;\nObject.is = () => false;\nprocess.exit(0);\n')).toEqual([
      'refusing an edit to src/new.js: it assigns to Object.is, a built-in the tests rely on',
      'refusing an edit to src/new.js: it calls process.exit(), which ends the test process early',
    ]);
    expect(findVerdictGaming('src/view.jsx', '', 'export const V = () => { Math.random = () => 0; return <div />; };')).toHaveLength(1);
  });

  it('reads only script files', () => {
    expect(findVerdictGaming('docs/notes.md', '', 'Object.is = () => true;')).toEqual([]);
    expect(findVerdictGaming('data.json', '', '{"Object.is": 1}')).toEqual([]);
  });
});
