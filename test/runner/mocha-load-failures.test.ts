import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadErrorsOf, mochaEvents, resultsOf } from './mocha-events.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function fixtureWith(name: string, files: Record<string, string>): Promise<FixtureProject> {
  project = await copyFixture(name);
  for (const [file, text] of Object.entries(files)) await writeFile(join(project.dir, file), text);
  return project;
}

describe('mocha launcher: files that fail to load', () => {
  it('reports an ESM file with a missing import as an error for that file and still runs the other files', async () => {
    const { dir } = await fixtureWith('mocha-esm', { 'test/broken.test.js': "import { gone } from '../src/gone.js';\nit('never runs', () => gone());\n" });
    const { events, outcome } = await mochaEvents(dir);
    expect(loadErrorsOf(events)).toEqual([{ file: 'broken.test.js', message: expect.stringMatching(/Cannot find module .*gone\.js/) }]);
    expect(resultsOf(events)).toContainEqual(['money > formats cents as dollars', 'passed']);
    expect(resultsOf(events)).toContainEqual(['linePrice > gives the bulk discount from ten units on', 'failed']);
    expect(resultsOf(events).map(([name]) => name)).not.toContain('never runs');
    expect(outcome.exitCode).toBe(1);
  });

  it('reports a CommonJS file with a syntax error, and drops what a file defined before it threw', async () => {
    const { dir } = await fixtureWith('mocha-cjs', {
      'spec/syntax.spec.js': "describe('unclosed', function () {\n  it('x', function () {});\n",
      'spec/throws.spec.js': "describe('half', function () { it('defined before the throw', function () {}); });\nthrow new Error('top-level boom');\n",
    });
    const { events } = await mochaEvents(dir);
    const errors = loadErrorsOf(events);
    expect(errors).toContainEqual({ file: 'syntax.spec.js', message: expect.stringMatching(/Unexpected end of input|missing \)/) });
    expect(errors).toContainEqual({ file: 'throws.spec.js', message: 'top-level boom' });
    expect(resultsOf(events).map(([name]) => name)).not.toContain('half > defined before the throw');
    expect(resultsOf(events)).toContainEqual(['Scheduler > names a job', 'passed']);
  });
});

describe('mocha launcher: hooks and titles', () => {
  it('fails the tests a failed hook made mocha skip, and the file when a hook leaves nothing to fail', async () => {
    const { dir } = await fixtureWith('mocha-cjs', {
      'spec/hooks.spec.js': [
        "describe('guarded', function () {",
        "  beforeEach(function () { throw new Error('no database'); });",
        "  it('one', function () {});",
        "  describe('inner', function () { it('two', function () {}); });",
        '});',
        "describe('set up once', function () {",
        "  before(function () { throw new Error('no fixture'); });",
        "  it('three', function () {});",
        '});',
        "describe('cleaned up', function () {",
        "  afterEach(function () { throw new Error('cleanup broke'); });",
        "  it('four', function () {});",
        "  it('six', function () {});",
        '});',
        "describe('torn down', function () {",
        "  after(function () { throw new Error('teardown broke'); });",
        "  it('five', function () {});",
        '});',
      ].join('\n'),
    });
    const { events } = await mochaEvents(dir, { files: ['spec/hooks.spec.js'] });
    const failed = events.flatMap((event) => (event.type === 'result' && event.status === 'failed' ? [[event.titles.join(' > '), event.error?.message]] : []));
    expect(failed).toEqual([
      ['guarded > one', expect.stringMatching(/"before each" hook.*no database/)],
      ['guarded > inner > two', expect.stringMatching(/no database/)],
      ['set up once > three', expect.stringMatching(/"before all" hook.*no fixture/)],
      ['cleaned up > six', expect.stringMatching(/"after each" hook.*cleanup broke/)],
    ]);
    expect(resultsOf(events)).toContainEqual(['cleaned up > four', 'passed']);
    expect(resultsOf(events).filter(([name]) => name === 'cleaned up > four')).toHaveLength(1);
    expect(loadErrorsOf(events)).toEqual([{ file: 'hooks.spec.js', message: expect.stringMatching(/"after all" hook.*teardown broke/) }]);
  });

  it('reports both of two tests with the same title', async () => {
    const { dir } = await fixtureWith('mocha-cjs', {
      'spec/twice.spec.js': "describe('twice', function () {\n  it('same', function () {});\n  it('same', function () { throw new Error('second'); });\n});\n",
    });
    const { events } = await mochaEvents(dir, { files: ['spec/twice.spec.js'] });
    expect(resultsOf(events)).toEqual([
      ['twice > same', 'passed'],
      ['twice > same', 'failed'],
    ]);
  });
});
