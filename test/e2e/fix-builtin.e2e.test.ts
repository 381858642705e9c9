import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

interface JsonResult {
  readonly status: string;
  readonly steps: readonly { readonly outcome: string; readonly reasoning: string; readonly denoiser: string }[];
}

describe('redgreen fix with the built-in engine (the default: no model)', () => {
  // jest and node:test have no warm session: candidates are validated by spawning the runner (about 1 s each),
  // hence the larger budget. The node:test fixture's suite is weak enough that `xs[0]` → `xs[1]` passes it too.
  it.each([
    ['vitest-basic', 'src/math.ts', /if \(value >=? max\) \{/, 60],
    ['jest-basic', 'src/strings.js', /text\.slice\(0, max - 1\)/, 150],
    ['node-test-basic', 'src/stack.js', /return this\.#items\[(1|this\.#items\.length - 1)\];/, 150],
  ])(
    'repairs %s',
    async (fixture, file, fixed, budget) => {
      project = await copyFixture(fixture);
      const run = await runCli(['fix', project.dir, '--yes', '--json', '--budget-seconds', String(budget)]);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as JsonResult;
      expect(result.status).toBe('green');
      expect(result.steps.at(-1)).toMatchObject({ outcome: 'green', denoiser: 'builtin' });
      expect(run.stderr).toMatch(/candidates validated, \d+ plausible/);
      expect(await readFile(join(project.dir, file), 'utf8')).toMatch(fixed);
    },
    200_000,
  );

  it('goes green on a project whose baseline hangs: the hung test is killed and looping candidates are cut off', async () => {
    project = await copyFixture('vitest-hang');
    const before = await snapshotFiles(project.dir);
    // The default 60 s test timeout: hang detection, not the timeout, must stop the looping baseline test.
    const started = Date.now();
    const run = await runCli(['fix', project.dir, '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as JsonResult & { diff: string; baseline: { passed: number; failed: number }; steps: { at: string }[] };
    const firstStep = Date.parse(result.steps[0]?.at ?? '') - started;
    // Waiting for the 60 s test timeout would put the first step past a minute.
    expect(firstStep).toBeLessThan(60_000);
    expect(result).toMatchObject({ status: 'green', baseline: { passed: 1, failed: 1 } });
    expect(result.diff).toContain('+++ b/src/retry.ts');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });

  it('honours the candidate cap and stays red, touching nothing, when it is too small', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--max-candidates', '1', '--yes']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/no plausible patch among 1 candidates validated \(1 generated\)/);
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });

  it('says so and touches nothing when the project is already green', async () => {
    project = await copyFixture('vitest-basic');
    const math = join(project.dir, 'src/math.ts');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(math, (await readFile(math, 'utf8')).replace('if (value < max) {', 'if (value > max) {'));
    const before = await snapshotFiles(project.dir);
    const run = await runCli(['fix', project.dir, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('already green: nothing to fix');
    expect(await snapshotFiles(project.dir)).toEqual(before);
  });
});
