import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, repoRoot } from '../../test/helpers/fixture-project.js';
import type { FixtureProject } from '../../test/helpers/fixture-project.js';
import { tddFixtureModel, tddFixtureStubs } from '../../test/helpers/tdd-fixture-model.js';
import { checkContracts } from './check-contracts.js';
import { planScaffold } from './scaffold.js';
import { readScaffoldInputs } from './scaffold-inputs.js';

/**
 * Scaffolding the tests-only fixture from a hand-built model (what extraction reads from its tests): the stubs
 * type-check against the tests, and every test then fails on a stub naming the symbol it needs, not on an import.
 */
let project: FixtureProject;
let written: string[] = [];
beforeAll(async () => {
  project = await copyFixture('tdd-tests-only');
  const model = tddFixtureModel();
  const plan = planScaffold(model, await checkContracts(project.dir, model), await readScaffoldInputs(project.dir, model));
  if (plan.status !== 'planned') throw new Error('the fixture model has no problems');
  for (const file of plan.files) {
    await mkdir(dirname(join(project.dir, file.path)), { recursive: true });
    await writeFile(join(project.dir, file.path), file.after);
  }
  written = plan.files.map((file) => file.path);
});
afterAll(() => project.cleanup());

describe('scaffolding the tests-only fixture', () => {
  it('creates one module per imported module and the shared error module', () => {
    expect(written).toEqual(tddFixtureStubs);
  });

  it('type-checks with the tests under the project tsconfig', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(project.dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (config === undefined) throw new Error('no tsconfig');
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(config.fileNames.some((file) => file.endsWith('src/users/fetch-users.ts'))).toBe(true);
  });

  it('fails every test with `not implemented: <symbol>` and no import error', async () => {
    const report = join(project.dir, 'report.json');
    const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
    await promisify(execFile)(process.execPath, [vitest, 'run', '--reporter=json', `--outputFile=${report}`], { cwd: project.dir }).catch(() => undefined);
    const results = JSON.parse(await readFile(report, 'utf8')) as {
      testResults: { name: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
    };
    const byTest = Object.fromEntries(
      results.testResults.flatMap((file) => {
        expect(file.message, file.name).toBe('');
        return file.assertionResults.map((test) => [
          test.fullName,
          `${test.status}: ${/not implemented: [\w.]+/.exec(test.failureMessages.join('\n'))?.[0] ?? test.failureMessages.join('\n')}`,
        ]);
      }),
    );
    expect(byTest).toEqual({
      'Stack starts empty': 'failed: not implemented: Stack.isEmpty',
      'Stack pops what was pushed last': 'failed: not implemented: Stack.push',
      'Stack peeks without removing': 'failed: not implemented: Stack.push',
      'Stack throws when popping an empty stack': expect.stringMatching(/^failed: .*(not implemented: Stack\.pop|EmptyStackError)/s),
      'Queue dequeues in the order of enqueueing': 'failed: not implemented: Queue.enqueue',
      'Queue counts its items': 'failed: not implemented: Queue.enqueue',
      'Queue gives undefined when empty': 'failed: not implemented: Queue.dequeue',
      'LruCache returns what was set': 'failed: not implemented: LruCache.set',
      'LruCache evicts the least recently used entry when full': 'failed: not implemented: LruCache.set',
      'LruCache gives undefined for a missing key': 'failed: not implemented: LruCache.get',
      'LruCache knows its capacity': 'failed: not implemented: LruCache.capacity',
      'calculator adds and subtracts': 'failed: not implemented: add',
      'calculator multiplies': 'failed: not implemented: multiply',
      'calculator divides': 'failed: not implemented: divide',
      'calculator refuses to divide by zero': expect.stringMatching(/^failed: .*(not implemented: divide|DivisionByZeroError)/s),
      // `.resolves` quotes the rejection shortened: `promise rejected "NotImplementedError: not implemented: Htt…"`.
      'HttpClient gets JSON from the base URL through its transport': expect.stringMatching(/^failed: not implemented: Htt/),
      'fetchUsers fetches the users and joins their names': 'failed: not implemented: fetchUsers',
      'fetchUsers rejects when the transport fails': expect.stringMatching(/^failed: .*(not implemented: fetchUsers|offline)/s),
    });
  });
});
