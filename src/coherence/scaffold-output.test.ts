import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { aClass, aFunction, aMethod, aModel, aModule, aParam, aProperty, aValue } from '../../test/helpers/contract-factories.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { checkContracts } from './check-contracts.js';
import type { ContractModel } from './contract-model.js';
import { planScaffold } from './scaffold.js';
import { readScaffoldInputs } from './scaffold-inputs.js';

/** The generated modules as code: they load in Node, throw the promised errors, and type-check against their users. */
let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function scaffoldInto(files: Record<string, string>, model: ContractModel): Promise<string[]> {
  project = await createTempProject(files);
  const plan = planScaffold(model, await checkContracts(project.dir, model), await readScaffoldInputs(project.dir, model));
  if (plan.status !== 'planned') throw new Error('expected a plan');
  for (const file of plan.files) {
    await mkdir(dirname(join(project.dir, file.path)), { recursive: true });
    await writeFile(join(project.dir, file.path), file.after);
  }
  return plan.files.map((file) => file.path);
}

const counterModel = (file: string, importedBy = ['test/a.test.js']) =>
  aModel([
    aModule(
      file,
      [
        aClass('Counter', {
          constructorParams: [aParam('start', 'number')],
          members: [aMethod('increment', { returns: 'number' }), aProperty('value', { type: 'number' })],
        }),
        aClass('LimitError', { extendsError: true }),
        aFunction('load', { async: true, returns: 'number' }),
        aValue('defaults', '{ step: number }'),
      ],
      { importedBy },
    ),
  ]);

async function expectStubsToThrow(loaded: Record<string, unknown>): Promise<void> {
  const Counter = loaded['Counter'] as new (start: number) => { increment(): number; readonly value: number };
  const counter = new Counter(1);
  expect(() => counter.increment()).toThrow('not implemented: Counter.increment');
  expect(() => counter.value).toThrow('not implemented: Counter.value');
  expect(() => (loaded['load'] as () => Promise<number>)()).toThrow('not implemented: load');
  expect(() => (loaded['defaults'] as { step: number }).step).toThrow('not implemented: defaults');
  const LimitError = loaded['LimitError'] as new (message?: string) => Error;
  expect(new LimitError('too many')).toMatchObject({ name: 'LimitError', message: 'too many' });
  expect(new LimitError()).toBeInstanceOf(Error);
  expect(new LimitError()).toBeInstanceOf(LimitError);
  // A stub's error reaching `toThrow(LimitError)` fails the expectation with the stub's own message.
  expect(() => expect(() => counter.increment()).toThrow(LimitError)).toThrow('not implemented: Counter.increment');
}

describe('scaffolded JavaScript runs', () => {
  it('as an ES module', async () => {
    const written = await scaffoldInto({ 'package.json': '{ "type": "module" }\n' }, counterModel('lib/counter.js'));
    expect(written).toEqual(['lib/counter.js', 'lib/not-implemented.js']);
    await expectStubsToThrow((await import(pathToFileURL(join(project?.dir ?? '', 'lib/counter.js')).href)) as Record<string, unknown>);
  });

  it('as CommonJS', async () => {
    const written = await scaffoldInto(
      { 'package.json': '{}\n', 'test/a.test.js': "const { Counter } = require('../lib/counter.js');\n" },
      counterModel('lib/counter.js'),
    );
    expect(written).toEqual(['lib/counter.js', 'lib/not-implemented.js']);
    await expectStubsToThrow(createRequire(join(project?.dir ?? '', 'package.json'))('./lib/counter.js') as Record<string, unknown>);
  });
});

describe('scaffolded TypeScript type-checks', () => {
  it('when appended to an existing module and inserted into an existing class', async () => {
    const stack = [
      'export class Stack {',
      '  private items: number[] = [];',
      '',
      '  push(item: number): void {',
      '    this.items.push(item);',
      '  }',
      '}',
      '',
    ].join('\n');
    const usage = [
      "import { Stack, drain } from '../src/stack.js';",
      'const stack: Stack = new Stack();',
      'stack.push(1);',
      'const top: number | undefined = stack.peek();',
      'const size: number = stack.size;',
      'const all: Promise<number[]> = drain(stack);',
      'export { top, size, all };',
      '',
    ].join('\n');
    const model = aModel([
      aModule(
        'src/stack.ts',
        [
          aClass('Stack', {
            members: [
              aMethod('push', { params: [aParam('item', 'number')] }),
              aMethod('peek', { returns: 'number | undefined' }),
              aProperty('size', { type: 'number' }),
            ],
          }),
          aFunction('drain', { params: [aParam('stack', 'Stack')], returns: 'Promise<number[]>', async: true }),
        ],
        { exists: true },
      ),
    ]);
    const written = await scaffoldInto({ 'src/stack.ts': stack, 'test/use.ts': usage }, model);
    expect(written).toEqual(['src/not-implemented.ts', 'src/stack.ts']);
    const dir = project?.dir ?? '';
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
    };
    const program = ts.createProgram({ rootNames: [join(dir, 'test/use.ts')], options });
    expect(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
    expect(await checkContracts(dir, model)).toEqual([]);
  });
});
