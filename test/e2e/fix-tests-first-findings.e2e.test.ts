import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { fixJsonResultSchema, parseJsonOutput } from '../helpers/json-contract-schema.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('redgreen fix on code that exists but disagrees with its tests', () => {
  it('reports the wrong arity and the sync function the tests await, though nothing is missing', async () => {
    project = await copyFixture('tdd-disagree');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--max-iter', '1', '--dry-run', '--json']);
    const json = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(json.scaffold?.files ?? [], run.stderr).toEqual([]);
    const findings = json.scaffold?.findings ?? [];
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^`add` takes at most 1 argument, but the tests pass 2: src\/math\.ts \(test\/math\.test\.ts:\d+\)/),
        expect.stringMatching(/^`load` in src\/math\.ts does not return a Promise, but the tests await it \(test\/math\.test\.ts:\d+\)/),
      ]),
    );
    expect(findings).toHaveLength(2);
    expect(run.stderr).toContain('`add` takes at most 1 argument');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  }, 300_000);
});
