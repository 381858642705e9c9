import { describe, expect, it } from 'vitest';
import { aClass, aFunction, aMethod, aModel, aModule, aParam, aProperty, aValue } from '../../test/helpers/contract-factories.js';
import { checkSyntax } from '../analysis/syntax-check.js';
import type { ContractFinding, ContractModel } from './contract-model.js';
import { planScaffold } from './scaffold.js';
import type { ScaffoldFile, ScaffoldInputs } from './scaffold.js';

const evidence = [{ file: 'test/a.test.ts', line: 3 }];
const missingModule = (file: string): ContractFinding => ({ kind: 'missing-module', file, message: `${file} does not exist`, evidence });
const missingExport = (file: string, symbol: string, suggestion?: string): ContractFinding => ({
  kind: 'missing-export',
  file,
  symbol,
  message: `${file} has no export ${symbol}`,
  evidence,
  ...(suggestion === undefined ? {} : { suggestion }),
});
const missingMember = (file: string, symbol: string): ContractFinding => ({ kind: 'missing-member', file, symbol, message: `no ${symbol}`, evidence });

function inputs(texts: Record<string, string> = {}, overrides: Partial<ScaffoldInputs> = {}): ScaffoldInputs {
  return { texts: new Map(Object.entries(texts)), packageType: 'module', requiringTests: new Set(), ...overrides };
}

function plan(model: ContractModel, findings: readonly ContractFinding[], given: ScaffoldInputs = inputs()): readonly ScaffoldFile[] {
  const result = planScaffold(model, findings, given);
  if (result.status !== 'planned') throw new Error('expected a plan');
  for (const file of result.files) expect(checkSyntax(file.path, file.after), file.after).toEqual({ ok: true });
  return result.files;
}

function fileText(files: readonly ScaffoldFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`no ${path} in ${files.map((candidate) => candidate.path).join(', ')}`);
  return file.after;
}

describe('planScaffold: new TypeScript modules', () => {
  it('writes typed stubs that throw NotImplementedError naming the symbol, and the shared error module once', () => {
    const model = aModel([
      aModule('src/math/calc.ts', [
        aFunction('add', { params: [aParam('a', 'number'), aParam('b', 'number', true)], returns: 'number' }),
        aFunction('load', { params: [aParam('id', 'string')], returns: 'Promise<Row[]>', async: true }),
        aFunction('default', { returns: 'string' }),
      ]),
      aModule('src/shapes/box.ts', [aValue('limit', 'number')]),
    ]);
    const files = plan(model, [missingModule('src/math/calc.ts'), missingModule('src/shapes/box.ts')]);
    expect(files.map((file) => [file.path, file.change])).toEqual([
      ['src/math/calc.ts', 'created'],
      ['src/not-implemented.ts', 'created'],
      ['src/shapes/box.ts', 'created'],
    ]);
    expect(fileText(files, 'src/math/calc.ts')).toBe(
      [
        "import { NotImplementedError } from '../not-implemented.js';",
        '',
        'export function add(a: number, b?: number): number {',
        "  throw new NotImplementedError('add');",
        '}',
        '',
        'export function load(id: string): Promise<unknown[]> {',
        "  throw new NotImplementedError('load');",
        '}',
        '',
        'export default function calc(): string {',
        "  throw new NotImplementedError('calc');",
        '}',
        '',
      ].join('\n'),
    );
    expect(fileText(files, 'src/shapes/box.ts')).toContain("export const limit: number = notImplementedValue<number>('limit');");
    expect(fileText(files, 'src/not-implemented.ts')).toContain('super(`not implemented: ${symbol}`);');
  });

  it('writes classes: constructor parameters, methods (async ones too), getters and setters, static members, and real error classes', () => {
    const model = aModel([
      aModule('src/lru.ts', [
        aClass('Lru', {
          constructorParams: [aParam('capacity', 'number')],
          members: [
            aMethod('get', { params: [aParam('key', 'string')], returns: 'number | undefined' }),
            aMethod('load', { returns: 'void', async: true }),
            aProperty('size', { type: 'number' }),
            aProperty('label', { type: 'string', written: true }),
            aMethod('of', { static: true, returns: 'Lru' }),
          ],
        }),
        aClass('FullError', { extendsError: true, members: [aProperty('message', { type: 'string' }), aProperty('code', { type: 'number' })] }),
      ]),
    ]);
    const text = fileText(plan(model, [missingModule('src/lru.ts')]), 'src/lru.ts');
    expect(text).toContain('  constructor(capacity: number) {\n    // not implemented: Lru.constructor\n  }');
    expect(text).toContain("  get(key: string): number | undefined {\n    throw new NotImplementedError('Lru.get');\n  }");
    // Awaited stubs throw at the call: a test fails on the stub's error, not on a `.resolves` expectation.
    expect(text).toContain("  load(): Promise<void> {\n    throw new NotImplementedError('Lru.load');");
    expect(text).toContain("  get size(): number {\n    throw new NotImplementedError('Lru.size');");
    expect(text).toContain("  set label(value: string) {\n    throw new NotImplementedError('Lru.label');");
    expect(text).not.toContain('set size');
    expect(text).toContain("  static of(): Lru {\n    throw new NotImplementedError('Lru.of');");
    expect(text).toContain("  constructor(message?: string) {\n    super(message);\n    this.name = 'FullError';\n  }\n\n  get code(): number {");
    expect(text).toContain(
      "export class FullError extends Error {\n  /** Until nothing is stubbed: an expected error that is a NotImplementedError fails the test with the stub's message. */\n" +
        '  static [Symbol.hasInstance](value: unknown): boolean {\n    if (value instanceof NotImplementedError) throw value;\n',
    );
    expect(text).not.toContain('get message');
  });

  it('imports the types of classes other modules declare, and makes other unknown type names unknown', () => {
    const model = aModel([
      aModule('src/users/http.ts', [aClass('Http')]),
      aModule('src/users/fetch.ts', [aFunction('fetchAll', { params: [aParam('client', 'Http')], returns: 'Promise<User[]>', async: true })]),
    ]);
    const text = fileText(plan(model, [missingModule('src/users/http.ts'), missingModule('src/users/fetch.ts')]), 'src/users/fetch.ts');
    expect(text).toContain("import type { Http } from './http.js';");
    expect(text).toContain('export function fetchAll(client: Http): Promise<unknown[]> {');
  });

  it('reuses an existing not-implemented module, and imports it into an error class alone', () => {
    const model = aModel([aModule('src/a.ts', [aFunction('a')]), aModule('src/errors.ts', [aClass('Oops', { extendsError: true })])]);
    const reused = plan(model, [missingModule('src/a.ts')], inputs({ 'src/not-implemented.ts': 'export class NotImplementedError extends Error {}\n' }));
    expect(reused.map((file) => file.path)).toEqual(['src/a.ts']);
    const errorsOnly = plan(model, [missingModule('src/errors.ts')]);
    expect(errorsOnly.map((file) => file.path)).toEqual(['src/errors.ts', 'src/not-implemented.ts']);
    expect(fileText(errorsOnly, 'src/errors.ts')).toContain("import { NotImplementedError } from './not-implemented.js';");
  });
});

describe('planScaffold: existing files', () => {
  const stack = ['export class Stack {', '  private items: number[] = [];', '', '  push(n: number): void {', '    this.items.push(n);', '  }', '}', ''].join(
    '\n',
  );

  it('appends missing exports and inserts missing members before the class closing brace, changing nothing else', () => {
    const model = aModel([
      aModule('src/stack.ts', [aClass('Stack', { members: [aMethod('peek', { returns: 'number' })] }), aFunction('create', { returns: 'Stack' })], {
        exists: true,
      }),
    ]);
    const files = plan(model, [missingMember('src/stack.ts', 'Stack.peek'), missingExport('src/stack.ts', 'create')], inputs({ 'src/stack.ts': stack }));
    const file = files.find((candidate) => candidate.path === 'src/stack.ts');
    expect(file?.change).toBe('appended');
    expect(file?.before).toBe(stack);
    const expected = [
      stack.replace(/\}\n$/, ''),
      "  peek(): number {\n    throw new NotImplementedError('Stack.peek');\n  }\n}\n",
      "import { NotImplementedError } from './not-implemented.js';\n\nexport function create(): Stack {\n  throw new NotImplementedError('create');\n}\n",
    ].join('\n');
    expect(file?.after).toBe(expected);
  });

  it('exports a declaration the file has but does not export, and adds no second import of the error', () => {
    const text = "import { NotImplementedError } from './not-implemented.js';\n\nfunction helper(): number {\n  return 1;\n}";
    const model = aModel([aModule('src/m.ts', [aFunction('helper'), aFunction('other')], { exists: true })]);
    const after = fileText(plan(model, [missingExport('src/m.ts', 'helper'), missingExport('src/m.ts', 'other')], inputs({ 'src/m.ts': text })), 'src/m.ts');
    expect(after.startsWith(`${text}\n\nexport { helper };\n\nexport function other(): unknown {`)).toBe(true);
    expect(after.match(/import \{ NotImplementedError \}/g)).toHaveLength(1);
  });

  it('reports, and does not stub, a missing export or member with a near name (a rename), and a class the file does not declare', () => {
    const model = aModel([aModule('src/stack.ts', [aFunction('popp'), aClass('Other', { members: [aMethod('x')] })], { exists: true })]);
    const result = planScaffold(
      model,
      [missingExport('src/stack.ts', 'popp', 'pop'), missingMember('src/stack.ts', 'Other.x')],
      inputs({ 'src/stack.ts': 'export function pop() {}\n' }),
    );
    expect(result).toMatchObject({
      status: 'planned',
      files: [],
      skipped: [
        { file: 'src/stack.ts', symbol: 'popp', message: '`popp` not scaffolded: the tests may mean `pop` (test/a.test.ts:3)' },
        { file: 'src/stack.ts', symbol: 'Other', message: 'class `Other` is not declared in src/stack.ts: its members are not scaffolded' },
      ],
    });
  });
});

describe('planScaffold: JavaScript', () => {
  const model = aModel([
    aModule('lib/stack.js', [
      aClass('Stack', { members: [aMethod('push', { params: [aParam('value', 'number')], returns: 'void' }), aProperty('size', { type: 'number' })] }),
      aFunction('make', { params: [aParam('n', 'number', true)], returns: 'Stack', async: true }),
    ]),
  ]);

  it('writes ES modules with JSDoc types where the package is an ES module', () => {
    const files = plan(model, [missingModule('lib/stack.js')]);
    expect(files.map((file) => file.path)).toEqual(['lib/not-implemented.js', 'lib/stack.js']);
    const text = fileText(files, 'lib/stack.js');
    expect(text).toContain("import { NotImplementedError } from './not-implemented.js';");
    expect(text).toContain("  /**\n   * @param {number} value\n   * @returns {void}\n   */\n  push(value) {\n    throw new NotImplementedError('Stack.push');");
    expect(text).toContain('  /** @returns {number} */\n  get size() {');
    expect(text).toContain('/**\n * @param {number} [n]\n * @returns {Promise<Stack>}\n */\nexport function make(n) {');
    expect(fileText(files, 'lib/not-implemented.js')).toMatch(/^export class NotImplementedError extends Error \{$/m);
  });

  it('writes CommonJS where the package is CommonJS, and appends with module.exports assignments', () => {
    const files = plan(model, [missingModule('lib/stack.js')], inputs({}, { packageType: 'commonjs', requiringTests: new Set(['test/a.test.ts']) }));
    const text = fileText(files, 'lib/stack.js');
    expect(text.startsWith("const { NotImplementedError } = require('./not-implemented.js');\n\nclass Stack {")).toBe(true);
    expect(text.endsWith('module.exports = { Stack, make };\n')).toBe(true);
    expect(fileText(files, 'lib/not-implemented.js')).toContain('module.exports = { NotImplementedError, notImplementedValue };');

    const existing = 'function add(a, b) {\n  return a + b;\n}\nmodule.exports = { add };\n';
    const appended = plan(
      aModel([aModule('lib/m.js', [aFunction('sub')], { exists: true })]),
      [missingExport('lib/m.js', 'sub')],
      inputs({ 'lib/m.js': existing }, { packageType: 'commonjs' }),
    );
    expect(fileText(appended, 'lib/m.js')).toBe(
      `${existing}\nconst { NotImplementedError } = require('./not-implemented.js');\n\nfunction sub() {\n  throw new NotImplementedError('sub');\n}\n\nmodule.exports.sub = sub;\n`,
    );
    expect(appended.map((file) => file.path)).toEqual(['lib/m.js', 'lib/not-implemented.js']);
  });

  it('gives a CommonJS error module a .cjs name in an ES module package', () => {
    const files = plan(aModel([aModule('lib/a.cjs', [aFunction('a')])]), [missingModule('lib/a.cjs')]);
    expect(files.map((file) => file.path)).toEqual(['lib/a.cjs', 'lib/not-implemented.cjs']);
    expect(fileText(files, 'lib/a.cjs')).toContain("require('./not-implemented.cjs')");
  });
});

describe('planScaffold: what it refuses', () => {
  it('plans nothing from a model with a test file that does not parse', () => {
    const problem = { file: 'test/a.test.ts', line: 4, message: "')' expected." };
    const model = aModel([aModule('src/a.ts', [aFunction('a')])], { problems: [problem] });
    expect(planScaffold(model, [missingModule('src/a.ts')], inputs())).toEqual({ status: 'refused', problems: [problem] });
  });

  it('never writes into node_modules or outside the project, and passes missing packages and conflicts through', () => {
    const missingPackages = [{ specifier: 'left-pad', importedBy: evidence }];
    const conflicts = [{ file: 'src/a.ts', symbol: 'a', message: 'a function in one test, a class in another', evidence }];
    const model = aModel([aModule('node_modules/x/index.js', [aFunction('x')]), aModule('../elsewhere/y.ts', [aFunction('y')])], {
      missingPackages,
      conflicts,
    });
    const result = planScaffold(model, [missingModule('node_modules/x/index.js'), missingModule('../elsewhere/y.ts')], inputs());
    expect(result).toMatchObject({ status: 'planned', files: [], missingPackages, conflicts });
    expect(result.status === 'planned' ? result.skipped.map((note) => note.file) : []).toEqual(['node_modules/x/index.js', '../elsewhere/y.ts']);
  });

  it('leaves arity, async and kind findings to the repair loop', () => {
    const model = aModel([aModule('src/a.ts', [aFunction('a')], { exists: true })]);
    const finding: ContractFinding = { kind: 'arity', file: 'src/a.ts', symbol: 'a', message: 'arity', evidence };
    expect(plan(model, [finding], inputs({ 'src/a.ts': 'export function a() {}\n' }))).toEqual([]);
  });
});
