import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { runCli, runInTerminal, snapshotFiles } from '../helpers/run-cli.js';
import { tddFixtureStubs } from '../helpers/tdd-fixture-model.js';

const run = promisify(execFile);

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

interface ScaffoldJson {
  readonly schemaVersion: number;
  readonly status: string;
  readonly exitCode: number;
  readonly findings: readonly { kind: string; file: string; message: string }[];
  readonly expected: string;
  readonly files: readonly { path: string; change: string }[];
  readonly missingPackages: readonly { specifier: string }[];
  readonly conflicts: readonly unknown[];
  readonly problems: readonly { file: string; line: number; message: string }[];
}

const stubs = tddFixtureStubs;

/** Every test of the project as `name → failure`, from vitest's JSON report; a file that failed to load fails the test. */
async function vitestFailures(dir: string): Promise<Record<string, string>> {
  const report = join(dir, 'vitest-report.json');
  await run(process.execPath, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`], { cwd: dir }).catch(
    () => undefined,
  );
  const results = JSON.parse(await readFile(report, 'utf8')) as {
    testResults: { name: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
  };
  const out: Record<string, string> = {};
  for (const file of results.testResults) {
    expect(file.message, `${file.name} failed to load`).toBe('');
    for (const test of file.assertionResults) out[test.fullName] = `${test.status}: ${test.failureMessages.join('\n')}`;
  }
  return out;
}

describe('redgreen scaffold on a project that has only tests', () => {
  it('writes stubs that type-check, fail every test with `not implemented: <symbol>`, and leave nothing to do', async () => {
    project = await copyFixture('tdd-tests-only');
    const first = await runCli(['scaffold', project.dir, '--yes']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/src\/stack\.ts does not exist \(test\/stack\.test\.ts:\d+ imports `\.\.\/src\/stack\.js`\)/);
    expect(first.stderr).toMatch(/scaffolded 7 files/);
    expect(Object.keys(await snapshotFiles(project.dir, ['node_modules', '.redgreen', 'test']))).toEqual(
      expect.arrayContaining([...stubs, 'package.json', 'tsconfig.json']),
    );

    const tsc = await run(process.execPath, [
      join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(project.dir, 'tsconfig.json'),
      '--noEmit',
    ]).catch((error: { stdout?: string }) => ({ stdout: `failed: ${error.stdout ?? ''}` }));
    expect(tsc.stdout).toBe('');

    // Every test fails on the not-implemented error of the first stub it reaches: none on an expectation about
    // the error (`toThrow(EmptyStackError)`, `.rejects.toThrow('offline')`, `.resolves`).
    const failures = await vitestFailures(project.dir);
    const firstStub: Record<string, string> = {
      'calculator adds and subtracts': 'add',
      'calculator multiplies': 'multiply',
      'calculator divides': 'divide',
      'calculator refuses to divide by zero': 'divide',
      'fetchUsers fetches the users and joins their names': 'fetchUsers',
      'fetchUsers rejects when the transport fails': 'fetchUsers',
      'HttpClient gets JSON from the base URL through its transport': 'HttpClient.getJson',
      'LruCache returns what was set': 'LruCache.set',
      'LruCache evicts the least recently used entry when full': 'LruCache.set',
      'LruCache gives undefined for a missing key': 'LruCache.get',
      'LruCache knows its capacity': 'LruCache.capacity',
      'Queue dequeues in the order of enqueueing': 'Queue.enqueue',
      'Queue counts its items': 'Queue.enqueue',
      'Queue gives undefined when empty': 'Queue.dequeue',
      'Stack starts empty': 'Stack.isEmpty',
      'Stack pops what was pushed last': 'Stack.push',
      'Stack peeks without removing': 'Stack.push',
      'Stack throws when popping an empty stack': 'Stack.pop',
    };
    expect(Object.keys(failures).sort()).toEqual(Object.keys(firstStub).sort());
    for (const [name, failure] of Object.entries(failures)) {
      expect(failure, name).toMatch(new RegExp(`^failed: NotImplementedError: not implemented: ${firstStub[name]!.replace('.', '\\.')}\\n`));
    }

    const second = await runCli(['scaffold', project.dir, '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ schemaVersion: 1, status: 'nothing-to-do', findings: [], files: [] });
  });

  it('--dry-run shows the stubs and writes nothing; --json prints one object', async () => {
    project = await copyFixture('tdd-tests-only');
    const before = await snapshotFiles(project.dir);
    const dry = await runCli(['scaffold', project.dir, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+++ b/src/lru-cache.ts');
    expect(dry.stdout).toContain("+    throw new NotImplementedError('LruCache.get');");
    expect(dry.stderr).toContain('what the tests expect:');
    expect(dry.stderr).toContain('// src/stack.ts — missing; imported by test/stack.test.ts\n');
    expect(dry.stderr).toContain('export class Stack {\n  constructor();\n');
    expect(await snapshotFiles(project.dir)).toEqual(before);

    const json = await runCli(['scaffold', project.dir, '--dry-run', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as ScaffoldJson;
    expect(result).toMatchObject({ schemaVersion: 1, status: 'dry-run', exitCode: 0, missingPackages: [], conflicts: [], problems: [] });
    expect(result.files).toEqual(stubs.map((path) => ({ path, change: 'created' })));
    expect(result.expected).toContain('export class LruCache {');
    expect(result.findings.map((finding) => [finding.kind, finding.file])).toEqual(
      expect.arrayContaining([
        ['missing-module', 'src/stack.ts'],
        ['missing-module', 'src/users/fetch-users.ts'],
      ]),
    );
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('asks on a terminal, and writes only what is approved', async () => {
    project = await copyFixture('tdd-tests-only');
    const before = await snapshotFiles(project.dir);
    const declined = await runInTerminal(['scaffold', project.dir], 'n');
    expect(declined.code, declined.output).toBe(0);
    expect(declined.output).toContain('Write these stubs to 7 files? [y/N]');
    expect(declined.output).toContain('not written: not approved');
    expect(await snapshotFiles(project.dir)).toEqual(before);
    const approved = await runInTerminal(['scaffold', project.dir], 'y');
    expect(approved.code, approved.output).toBe(0);
    expect(await readFile(join(project.dir, 'src/stack.ts'), 'utf8')).toContain("throw new NotImplementedError('Stack.peek');");
  });

  it('reports a missing package without stubbing it', async () => {
    project = await copyFixture('tdd-tests-only');
    await writeFile(
      join(project.dir, 'test/pad.test.ts'),
      "import { expect, it } from 'vitest';\nimport leftPad from 'left-pad-not-installed';\n\nit('pads', () => {\n  expect(leftPad('1', 3)).toBe('  1');\n});\n",
    );
    const result = await runCli(['scaffold', project.dir, '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as ScaffoldJson;
    expect(json.missingPackages.map((missing) => missing.specifier)).toEqual(['left-pad-not-installed']);
    expect(json.files.map((file) => file.path).filter((path) => path.includes('left-pad'))).toEqual([]);
  });

  it('refuses a test file with a syntax error: exit 2, file and line named, nothing written', async () => {
    project = await copyFixture('tdd-tests-only');
    await writeFile(join(project.dir, 'test/broken.test.ts'), "import { it } from 'vitest';\n\nit('is broken', () => {\n  const x = (1 + ;\n});\n");
    const before = await snapshotFiles(project.dir);
    const result = await runCli(['scaffold', project.dir, '--yes']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/test\/broken\.test\.ts:4: /);
    expect(result.stderr).toContain('nothing scaffolded');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });
});
