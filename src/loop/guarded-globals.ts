/**
 * The globals a test verdict rests on, and why: code under test that redefines one of them can make a failing
 * assertion pass (`Object.is = () => true` passes every `toBe`) or end the test process before it reports.
 */
export const guardedGlobals = {
  builtin: [
    'Object',
    'Array',
    'Function',
    'Number',
    'String',
    'Boolean',
    'Symbol',
    'BigInt',
    'Math',
    'JSON',
    'Promise',
    'Reflect',
    'Proxy',
    'Date',
    'RegExp',
    'Map',
    'Set',
    'WeakMap',
    'WeakSet',
    'Error',
    'TypeError',
    'RangeError',
    'Buffer',
    'Intl',
    'console',
  ],
  framework: [
    'expect',
    'assert',
    'chai',
    'should',
    'vi',
    'vitest',
    'jest',
    'describe',
    'it',
    'test',
    'suite',
    'context',
    'beforeEach',
    'afterEach',
    'beforeAll',
    'afterAll',
    'before',
    'after',
  ],
  global: ['globalThis', 'global', 'window'],
  process: ['process'],
} as const satisfies Record<string, readonly string[]>;

export type GuardKind = keyof typeof guardedGlobals;

/** What each kind of global is to the tests, as the end of a refusal reason. */
export const guardWords: Record<GuardKind, string> = {
  builtin: 'a built-in the tests rely on',
  framework: 'a test-framework global the tests rely on',
  global: 'the global object the tests share',
  process: 'part of the test process the runner relies on',
};

/** Members of `process` whose redefinition changes how a test run ends or what it reports. */
export const guardedProcessMembers: ReadonlySet<string> = new Set([
  'exit',
  'exitCode',
  'reallyExit',
  'abort',
  'kill',
  'emit',
  'on',
  'once',
  'addListener',
  'prependListener',
  'stdout',
  'stderr',
  'send',
]);

/** Calls that end the test process before it reports. */
export const exitingCalls: ReadonlySet<string> = new Set(['process.exit', 'process.reallyExit', 'process.abort']);

/** Calls that change a target object's properties: the first argument is the target. */
export const redefiningCalls: ReadonlySet<string> = new Set([
  'Object.defineProperty',
  'Object.defineProperties',
  'Object.assign',
  'Object.setPrototypeOf',
  'Reflect.set',
  'Reflect.defineProperty',
  'Reflect.setPrototypeOf',
  'Reflect.deleteProperty',
]);

/** Modules whose imports are the real globals under another name. */
export const globalModules: Record<string, string | undefined> = {
  process: 'process',
  'node:process': 'process',
  assert: 'assert',
  'node:assert': 'assert',
  'assert/strict': 'assert',
  'node:assert/strict': 'assert',
  chai: 'chai',
  vitest: undefined,
  '@jest/globals': undefined,
  'node:test': undefined,
  mocha: undefined,
};

const kindOf = new Map<string, GuardKind>(
  (Object.entries(guardedGlobals) as [GuardKind, readonly string[]][]).flatMap(([kind, names]) => names.map((name) => [name, kind] as const)),
);

/** The kind of a guarded global name, if it is one. */
export function guardKind(name: string): GuardKind | undefined {
  return kindOf.get(name);
}
