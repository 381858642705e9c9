import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../../test/helpers/temp-project.js';
import { findFreshXml, readJunitReports } from './junit-files.js';

const report = '<testsuites><testsuite name="s"><testcase classname="test/a.test.js" name="works"/></testsuite></testsuites>';

describe('findFreshXml', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  it('finds the XML the run wrote, not stale files, node_modules or .git', async () => {
    const since = Date.now() - 1_000;
    project = await createTempProject({
      'junit.xml': report,
      'reports/deep/unit.xml': report,
      'stale.xml': report,
      'node_modules/x/junit.xml': report,
      '.git/junit.xml': report,
      'notes.txt': 'x',
    });
    const old = new Date(since - 60_000);
    await utimes(join(project.dir, 'stale.xml'), old, old);
    expect(await findFreshXml(project.dir, { since })).toEqual([join(project.dir, 'junit.xml'), join(project.dir, 'reports/deep/unit.xml')]);
  });

  it('stops at its depth and entry bounds', async () => {
    project = await createTempProject({ 'a/b/c/junit.xml': report });
    expect(await findFreshXml(project.dir, { since: 0, maxDepth: 2 })).toEqual([]);
    expect(await findFreshXml(project.dir, { since: 0, maxEntries: 2 })).toEqual([]);
    expect(await findFreshXml(project.dir, { since: 0 })).toHaveLength(1);
  });
});

describe('readJunitReports', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  it('reads only XML whose root is a JUnit report', async () => {
    project = await createTempProject({ 'junit.xml': report, 'pom.xml': '<project><modelVersion>4</modelVersion></project>' });
    const results = await readJunitReports(project.dir, [project.dir], { since: 0 });
    expect(results).toEqual([{ id: { file: 'test/a.test.js', name: 's > works' }, status: 'passed', durationMs: 0 }]);
  });
});
