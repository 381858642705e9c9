import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFrameworkBin } from '../../src/runner/core/resolve-framework.js';
import { createMochaRunner } from '../../src/runner/mocha/mocha-runner.js';
import type { TestReport } from '../../src/core/test-report.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { processesMentioning } from './runner-processes.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const statuses = (report: TestReport): string[] => report.results.map((result) => `${result.id.file} :: ${result.id.name} = ${result.status}`).sort();
const pricingFile = 'test/pricing.test.js';

describe('createMochaRunner', () => {
  it('honours the spec of a .mocharc.yml and of a .mocharc.cjs', async () => {
    project = await copyFixture('mocha-cjs');
    await rm(join(project.dir, '.mocharc.json'));
    await mkdir(join(project.dir, 'checks'));
    await writeFile(join(project.dir, 'checks/one.check.cjs'), "it('checks one', function () {});\n");
    await writeFile(join(project.dir, '.mocharc.yml'), 'spec:\n  - checks/*.{check,probe}.cjs\nrequire: ./spec/hooks.js\n');
    expect(statuses(await createMochaRunner().run(project.dir, { timeoutMs: 30_000 }))).toEqual(['checks/one.check.cjs :: checks one = passed']);
    await rm(join(project.dir, '.mocharc.yml'));
    await writeFile(join(project.dir, '.mocharc.cjs'), "module.exports = { spec: ['checks/**/*.cjs', 'spec/scheduler.spec.js'] };\n");
    const report = await createMochaRunner().run(project.dir, { timeoutMs: 30_000 });
    expect(new Set(report.results.map((result) => result.id.file))).toEqual(new Set(['checks/one.check.cjs', 'spec/scheduler.spec.js']));
  });

  it('starts the tests under the Node flags of the config (node-option import), as mocha does', async () => {
    project = await copyFixture('mocha-cjs');
    await writeFile(join(project.dir, 'spec/register.mjs'), "globalThis.registeredBy = 'import';\n");
    await writeFile(
      join(project.dir, 'spec/flags.spec.js'),
      "it('sees the import', function () { if (globalThis.registeredBy !== 'import') throw new Error('not imported'); });\n",
    );
    await writeFile(join(project.dir, '.mocharc.json'), JSON.stringify({ spec: 'spec/flags.spec.js', 'node-option': ['import=./spec/register.mjs'] }));
    expect(statuses(await createMochaRunner().run(project.dir, { timeoutMs: 30_000 }))).toEqual(['spec/flags.spec.js :: sees the import = passed']);
  });

  it('runs everything in scope except the excluded tests, and leaves them out of the report', async () => {
    project = await copyFixture('mocha-esm');
    const excluded = { file: pricingFile, name: 'linePrice > gives the bulk discount from ten units on' };
    const report = await createMochaRunner().run(project.dir, { timeoutMs: 30_000, files: [pricingFile], exclude: [excluded] });
    expect(statuses(report)).toEqual([
      `${pricingFile} :: linePrice > charges the unit price below the bulk threshold = passed`,
      `${pricingFile} :: linePrice > gives the bulk discount on large orders = passed`,
    ]);
  });

  it('kills a hanging test at the timeout, keeping the tests that finished, leaving no process behind', async () => {
    project = await copyFixture('mocha-esm');
    await writeFile(
      join(project.dir, 'test/spin.test.js'),
      "describe('spin', () => {\n  it('finishes', () => {});\n  it('spins', () => { while (true) {} });\n});\n",
    );
    const report = await createMochaRunner().run(project.dir, { timeoutMs: 8_000, files: ['test/money.test.js', 'test/spin.test.js'] });
    expect(report.status).toBe('timeout');
    expect(statuses(report)).toEqual([
      'test/money.test.js :: money > converts amounts to whole cents = passed',
      'test/money.test.js :: money > formats cents as dollars = passed',
      'test/spin.test.js :: spin > finishes = passed',
      'test/spin.test.js :: spin > spins = timeout',
    ]);
    expect(processesMentioning(project.dir)).toEqual([]);
  });

  it('runs with mocha 10 too', async () => {
    project = await copyFixture('mocha-cjs');
    // the fixture's node_modules, but with mocha 10 as the project's own mocha
    await rm(join(project.dir, 'node_modules'));
    await mkdir(join(project.dir, 'node_modules'));
    await symlink(join(repoRoot, 'fixtures/versions/node_modules/mocha-10'), join(project.dir, 'node_modules/mocha'), 'dir');
    expect(resolveFrameworkBin(project.dir, 'mocha').major).toBe(10);
    const report = await createMochaRunner().run(project.dir, { timeoutMs: 30_000 });
    expect(report.status, report.output).toBe('complete');
    expect(report.output).toContain('BoundedQueue');
    expect(report.results.filter((result) => result.status === 'failed').map((result) => result.id.name)).toEqual([
      'BoundedQueue > is full once it holds capacity items',
      'BoundedQueue > rejects an item when full, keeping the size',
    ]);
    expect(report.results.filter((result) => result.status === 'passed')).toHaveLength(5);
  });
});
