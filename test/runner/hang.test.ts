import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeTestRunner } from '../../src/runner/node-test/node-test-runner.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import { createVitestRunner } from '../../src/runner/vitest/vitest-runner.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { processesMentioning } from './runner-processes.js';

const passing = { file: 'test/retry.test.ts', name: 'parseCount > parses positive integers' };
const hanging = { file: 'test/retry.test.ts', name: 'retry > gives up after the given number of attempts' };

describe('a hanging test', () => {
  let project: FixtureProject | undefined;
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('vitest: times out, keeps the finished test, names the hanging one, leaves no process behind', async () => {
    project = await copyFixture('vitest-hang');
    const report = await createVitestRunner().run(project.dir, { timeoutMs: 10_000 });
    expect(report.status).toBe('timeout');
    expect(report.results).toContainEqual(expect.objectContaining({ id: passing, status: 'passed' }));
    expect(report.results).toContainEqual(expect.objectContaining({ id: hanging, status: 'timeout' }));
    expect(processesMentioning(project.dir)).toEqual([]);
  });

  it('vitest: an abort signal kills the run the same way', async () => {
    project = await copyFixture('vitest-hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 4_000);
    const started = Date.now();
    const report = await createVitestRunner().run(project.dir, { timeoutMs: 60_000, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(report.status).toBe('timeout');
    expect(processesMentioning(project.dir)).toEqual([]);
  });

  it('node-test: times out and marks the requested unfinished test', async () => {
    project = await copyFixture('node-test-basic');
    const file = 'test/loop.test.js';
    await writeFile(join(project.dir, file), `import { it } from 'node:test';\nit('passes', () => {});\nit('spins', () => { while (true) {} });\n`);
    const ids = [
      { file, name: 'passes' },
      { file, name: 'spins' },
    ];
    const report = await createNodeTestRunner().run(project.dir, { timeoutMs: 5_000, tests: ids });
    expect(report.status).toBe('timeout');
    expect(report.results).toContainEqual(expect.objectContaining({ id: ids[1], status: 'timeout' }));
    expect(processesMentioning(project.dir)).toEqual([]);
  });

  // node:test is left out: Node 20 relays a test file's events from its child process only as the child
  // gets to report them, so a child stuck in a loop reports nothing and only the run timeout stops it.
  it.each(['vitest', 'jest'] as const)('%s: with hang detection, stops the hung test within seconds and still runs the others', async (name) => {
    project = await copyFixture(name === 'vitest' ? 'vitest-hang' : 'jest-basic');
    const file = name === 'vitest' ? 'test/more.test.ts' : '__tests__/loop.test.js';
    const head = name === 'vitest' ? `import { expect, it } from 'vitest';` : '';
    const failing = `it('fails after', () => { expect(1).toBe(2); });`;
    await writeFile(join(project.dir, file), `${head}\nit('passes before', () => {});\nit('spins', () => { while (true) {} });\n${failing}\n`);
    const started = Date.now();
    const report = await createRunner(name).run(project.dir, { timeoutMs: 120_000, hangTimeoutMs: 3_000, files: [file] });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(60); // far below the 120 s run timeout: the hang cost seconds
    expect(report.results.map((r) => [r.id.name, r.status]).sort()).toEqual([
      ['fails after', 'failed'],
      ['passes before', 'passed'],
      ['spins', 'timeout'],
    ]);
    expect(report.status === 'timeout' ? report.hung : []).toEqual([{ file, name: 'spins' }]);
    expect(processesMentioning(project.dir)).toEqual([]);
  });
});
