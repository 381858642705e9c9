import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/runner/command/command-runner.js';
import type { TestReport } from '../../src/core/test-report.js';
import { copyProject } from '../helpers/fixture-project.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';
import { processesMentioning } from './runner-processes.js';

const statuses = (report: TestReport) => report.results.map((result) => [result.id.file, result.id.name, result.status]);

describe('createCommandRunner', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redgreen-command-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports a zero exit as one passed synthetic test', async () => {
    const report = await createCommandRunner('echo ok').run(dir, { timeoutMs: 10_000 });
    expect(report).toMatchObject({ status: 'complete', runner: 'command:echo ok', output: 'ok' });
    expect(report.results).toEqual([{ id: { file: '<command>', name: 'echo ok' }, status: 'passed', durationMs: expect.any(Number) }]);
  });

  it('reports a non-zero exit as a failure carrying the normalized output', async () => {
    const command = `echo "\u001b[31mbroken at ${dir}/src/a.js:3:1\u001b[39m"; exit 3`;
    const report = await createCommandRunner(command).run(dir, { timeoutMs: 10_000 });
    expect(report.status).toBe('complete');
    expect(report.results[0]?.status).toBe('failed');
    expect(report.results[0]?.failure?.message).toContain('code 3');
    expect(report.results[0]?.failure?.output).toBe('broken at src/a.js:3:1');
  });

  it('kills a hanging command and its children at the timeout', async () => {
    const report = await createCommandRunner(`sh -c 'sleep 300; echo done' & sleep 300`).run(dir, { timeoutMs: 1_000 });
    expect(report.status).toBe('timeout');
    expect(report.results[0]?.status).toBe('timeout');
    expect(processesMentioning(dir)).toEqual([]);
  });

  it('does not read a nonzero exit with only passing TAP tests as all passed', async () => {
    const command = `printf 'TAP version 13\\nok 1 - a\\nok 2 - b\\n1..2\\n'; exit 1`;
    const report = await createCommandRunner(command).run(dir, { timeoutMs: 10_000 });
    expect(statuses(report)).toEqual([
      ['<command>', 'a', 'passed'],
      ['<command>', 'b', 'passed'],
      ['<command>', command, 'failed'],
    ]);
  });

  it('fails a TAP run that bailed out, whatever the exit code', async () => {
    const report = await createCommandRunner(`printf 'TAP version 13\\n1..3\\nok 1 - a\\nBail out! no database\\n'`).run(dir, { timeoutMs: 10_000 });
    expect(report.results.filter((result) => result.status === 'failed').map((result) => result.failure?.message)).toEqual(['Bail out! no database']);
  });
});

describe('createCommandRunner: PATH', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  const bin = (name: string, line: string) => ({ [name]: `#!/bin/sh\nprintf 'TAP version 13\\nok 1 - ${line}\\n1..1\\n'\n` });

  it("finds binaries in the project's and its ancestors' node_modules/.bin, nearest first", async () => {
    project = await createTempProject({
      ...bin('node_modules/.bin/tiny-runner', 'outer tiny'),
      ...bin('node_modules/.bin/outer-only', 'outer only'),
      ...bin('app/node_modules/.bin/tiny-runner', 'inner tiny'),
      'app/package.json': '{}',
    });
    for (const path of ['node_modules/.bin/tiny-runner', 'node_modules/.bin/outer-only', 'app/node_modules/.bin/tiny-runner'])
      await chmod(join(project.dir, path), 0o755);
    const cwd = join(project.dir, 'app');
    const nearest = await createCommandRunner('tiny-runner').run(cwd, { timeoutMs: 10_000 });
    expect(statuses(nearest)).toEqual([
      ['<command>', 'inner tiny', 'passed'],
      ['<command>', 'tiny-runner', 'passed'],
    ]);
    const ancestor = await createCommandRunner('outer-only').run(cwd, { timeoutMs: 10_000 });
    expect(statuses(ancestor)[0]).toEqual(['<command>', 'outer only', 'passed']);
  });
});

const sources = {
  'package.json': '{ "type": "module" }',
  'src/math.js': 'export function add(a, b) {\n  return a - b;\n}\n',
};

describe('createCommandRunner: node --test with TAP', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await createTempProject({
      ...sources,
      'test/math.test.js': [
        "import { describe, it } from 'node:test';",
        "import assert from 'node:assert/strict';",
        "import { add } from '../src/math.js';",
        "describe('add', () => {",
        "  it('adds', () => assert.equal(add(1, 2), 3));",
        "  it('adds zero', () => assert.equal(add(1, 0), 1));",
        '});',
      ].join('\n'),
    });
  });
  afterAll(() => project.cleanup());

  it('gives per-test results with messages, expected/actual and project frames', async () => {
    const runner = createCommandRunner('node --test --test-reporter=tap');
    const report = await runner.run(project.dir, { timeoutMs: 30_000 });
    expect(statuses(report)).toEqual([
      ['<command>', 'add > adds', 'failed'],
      ['<command>', 'add > adds zero', 'passed'],
      ['<command>', 'node --test --test-reporter=tap', 'failed'],
    ]);
    expect(report.results[0]?.failure).toMatchObject({ message: expect.stringContaining('-1 !== 3'), expected: '3', actual: '-1' });
    expect(report.results[0]?.failure?.frames[0]).toMatchObject({ file: 'test/math.test.js', line: 5 });
  });

  it('reports only the requested tests, and the command, though it ran everything', async () => {
    const report = await createCommandRunner('node --test --test-reporter=tap').run(project.dir, {
      timeoutMs: 30_000,
      tests: [{ file: '<command>', name: 'add > adds zero' }],
    });
    expect(statuses(report)).toEqual([
      ['<command>', 'add > adds zero', 'passed'],
      ['<command>', 'node --test --test-reporter=tap', 'failed'],
    ]);
  });
});

describe('createCommandRunner: vitest with a JUnit report', () => {
  let project: { readonly dir: string; cleanup(): Promise<void> };
  beforeAll(async () => {
    const source = await createTempProject({
      ...sources,
      'test/math.test.js':
        "import { expect, it } from 'vitest';\nimport { add } from '../src/math.js';\nit('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\nit('adds zero', () => expect(add(1, 0)).toBe(1));\n",
      'test/broken.test.js': "import '../src/missing.js';\n",
      'vitest.config.js': 'export default {};\n',
    });
    project = await copyProject(source.dir);
    await source.cleanup();
  });
  afterAll(() => project.cleanup());

  it('gives per-test results with messages and frames from the report the command wrote', async () => {
    const command = 'npx vitest run --reporter=junit --outputFile=junit.xml';
    const report = await createCommandRunner(command).run(project.dir, { timeoutMs: 60_000 });
    expect(statuses(report)).toEqual([
      ['test/broken.test.js', '(the file failed to load)', 'failed'],
      ['test/math.test.js', 'adds', 'failed'],
      ['test/math.test.js', 'adds zero', 'passed'],
      ['<command>', command, 'failed'],
    ]);
    expect(report.results[1]?.failure).toMatchObject({
      message: 'expected -1 to be 3 // Object.is equality',
      frames: [{ file: 'test/math.test.js', line: 4 }],
    });
  });
});
