import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture } from '../../test/helpers/fixture-project.js';
import type { FixtureProject } from '../../test/helpers/fixture-project.js';
import { snapshotFiles } from '../../test/helpers/run-cli.js';
import { tddFixtureModel } from '../../test/helpers/tdd-fixture-model.js';
import { planTestsScaffold } from '../coherence/scaffold-for-tests.js';
import { scaffoldProject } from './scaffold-command.js';
import { captureIo } from '../../test/helpers/capture-io.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const skip = ['node_modules', '.redgreen'];

describe('scaffoldProject (the scaffold command after planning), on the tests-only fixture', () => {
  it('shows the findings and the diff, writes with --yes, and finds nothing to do the second time', async () => {
    project = await copyFixture('tdd-tests-only');
    const io = captureIo(project.dir);
    expect(await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: tddFixtureModel() }), { yes: true }, io)).toBe(0);
    expect(io.err.join('')).toContain('missing-module src/stack.ts does not exist (test/stack.test.ts:2 imports `../src/stack.js`)');
    expect(io.err.join('')).toMatch(/scaffolded 7 files \(originals backed up in .*\.redgreen/);
    expect(io.out.join('')).toContain('+++ b/src/stack.ts');
    expect(await readFile(join(project.dir, 'src/calculator.ts'), 'utf8')).toContain("throw new NotImplementedError('divide');");

    const again = captureIo(project.dir);
    const before = await snapshotFiles(project.dir, skip);
    expect(await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: tddFixtureModel() }), { yes: true }, again)).toBe(0);
    expect(again.err.join('')).toContain('nothing to scaffold');
    expect(again.out).toEqual([]);
    expect(await snapshotFiles(project.dir, skip)).toEqual(before);
  });

  it('writes nothing under --dry-run, nor without a terminal and without --yes', async () => {
    project = await copyFixture('tdd-tests-only');
    const before = await snapshotFiles(project.dir);
    const dry = captureIo(project.dir);
    expect(await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: tddFixtureModel() }), { dryRun: true }, dry)).toBe(0);
    expect(dry.err.join('')).toContain('dry run: 7 files would be written; nothing was');
    const unattended = captureIo(project.dir);
    expect(await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: tddFixtureModel() }), {}, unattended)).toBe(0);
    expect(unattended.err.join('')).toContain('not written: no terminal to ask for approval and no --yes');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('prints one JSON object under --json', async () => {
    project = await copyFixture('tdd-tests-only');
    const io = captureIo(project.dir);
    expect(await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: tddFixtureModel() }), { json: true, dryRun: true }, io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(io.out).toHaveLength(1);
    const result = JSON.parse(io.out[0] ?? '') as Record<string, unknown>;
    expect(result).toMatchObject({ schemaVersion: 1, status: 'dry-run', exitCode: 0, missingPackages: [], conflicts: [], problems: [], skipped: [] });
    expect(result['files']).toContainEqual({ path: 'src/users/fetch-users.ts', change: 'created' });
    expect(result['findings']).toHaveLength(6);
  });

  it('refuses with exit 2, naming the file and line, when a test file does not parse; reports missing packages', async () => {
    project = await copyFixture('tdd-tests-only');
    const before = await snapshotFiles(project.dir);
    const problems = [{ file: 'test/stack.test.ts', line: 4, message: "')' expected." }];
    const io = captureIo(project.dir);
    expect(await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: { ...tddFixtureModel(), problems } }), { yes: true }, io)).toBe(2);
    expect(io.err.join('')).toContain("error test/stack.test.ts:4: ')' expected.");
    expect(await snapshotFiles(project.dir)).toEqual(before);

    const missing = captureIo(project.dir);
    const missingPackages = [{ specifier: 'left-pad', importedBy: [{ file: 'test/pad.test.ts', line: 1 }] }];
    expect(
      await scaffoldProject(project.dir, await planTestsScaffold(project.dir, { model: { ...tddFixtureModel(), missingPackages } }), { dryRun: true }, missing),
    ).toBe(0);
    expect(missing.err.join('')).toContain('missing-package `left-pad` is not installed (test/pad.test.ts:1 imports it): install it; it is not stubbed');
  });
});
