import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { recordedReplies } from '../helpers/replies-file.js';
import { runInTerminal, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe.skipIf(!existsSync('/usr/bin/script'))('interactive approval in a terminal', () => {
  const model = `scripted:${recordedReplies('vitest-basic-fix')}`;

  it('shows the diff, asks, and applies on yes', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runInTerminal(['fix', project.dir, '--model', model], 'y');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/\+ {2}if \(value > max\) \{[\s\S]*Apply this fix to 1 file\? \[y\/N\]/);
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
  });

  it('on no, saves the patch and leaves the files untouched', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const run = await runInTerminal(['fix', project.dir, '--model', model], 'n');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('not approved: patch saved to');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
    expect(await readdir(join(project.dir, '.redgreen', 'runs'))).toHaveLength(1);
  });
});
