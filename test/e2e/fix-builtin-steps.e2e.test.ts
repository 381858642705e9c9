import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

interface Step {
  readonly outcome: string;
  readonly reasoning: string;
  readonly denoiser: string;
  readonly editKinds: readonly string[];
  readonly diff: string;
  readonly score: { readonly passed: number; readonly failed: number };
}

async function fixGreen(fixture: string): Promise<{ steps: readonly Step[]; stderr: string; text: (file: string) => Promise<string> }> {
  project = await copyFixture(fixture);
  const dir = project.dir;
  const run = await runCli(['fix', dir, '--yes', '--json', '--budget-seconds', '90']);
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout) as { status: string; steps: readonly Step[] };
  expect(result.status).toBe('green');
  return { steps: result.steps, stderr: run.stderr, text: (file) => readFile(join(dir, file), 'utf8') };
}

describe('redgreen fix with the built-in engine, bugs beyond one edit', () => {
  it('goes green on two independent bugs one fix at a time, through a kept partial step', async () => {
    const { steps, stderr, text } = await fixGreen('builtin-two-bugs');
    expect(stderr).toMatch(/candidates validated, 0 plausible; partial: fixes 1 of 2 failing tests/);
    expect(steps.map((s) => s.outcome)).toEqual(['improved', 'green']);
    const [partial, last] = steps;
    expect(partial).toMatchObject({ denoiser: 'builtin', score: { passed: 2, failed: 1 }, editKinds: ['update'] });
    expect(partial?.reasoning).toMatch(/partial: fixes 1 of 2 failing tests/);
    // The second step searched the kept state: it proposes the other fix, not the first one again.
    expect(last?.reasoning).toMatch(/passes every test that covers it/);
    expect(last?.diff).not.toBe(partial?.diff);
    expect(await text('src/bounds.ts')).toMatch(/if \(value < min\) min = value;\n\s+if \(value > max\) max = value;/);
  }, 200_000);

  it('goes green on a bug that needs two coordinated edits, neither of which fixes a test alone', async () => {
    const { steps, text } = await fixGreen('builtin-two-edits');
    expect(steps.at(-1)).toMatchObject({ outcome: 'green', denoiser: 'builtin', editKinds: ['update'] });
    expect(steps.at(-1)?.reasoning).toMatch(/variable-replacement\+variable-replacement/);
    const grid = await text('src/grid.ts');
    expect(grid).toContain('for (let r = 0; r < rows; r++) {');
    expect(grid).toContain('new Array<number>(cols)');
  }, 200_000);
});
