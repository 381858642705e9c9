import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';
import type { CliRun } from '../helpers/run-cli.js';

/**
 * A flaky test neither makes a false green nor reverts a correct fix. The flaky test is deterministic: it counts
 * its own runs in a file beside it (inside the sandbox copy the runs use) and fails on the runs a schedule names.
 */

interface JsonResult {
  readonly status: string;
  readonly exitCode: number;
  readonly stopReason: string;
  readonly flaky: readonly {
    readonly id: { readonly file: string; readonly name: string };
    readonly runs: number;
    readonly passed: number;
    readonly step: number;
  }[];
  readonly steps: readonly { readonly outcome: string }[];
  readonly files: readonly string[];
  readonly delivery: { readonly kind: string };
}

const flakyFile = 'test/flaky.test.ts';
const flakyName = 'reads the exchange rate';
const bug = '  if (value < max) {\n    return max;';
const fix = '  if (value > max) {\n    return max;';

/** A vitest test that fails on the runs (1 for its first) for which `failsOn` (JavaScript over `run`) is true. */
function flakyTest(failsOn: string): string {
  return `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const counter = fileURLToPath(new URL('./.flaky-runs', import.meta.url));

it('${flakyName}', () => {
  const run = (existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0) + 1;
  writeFileSync(counter, String(run));
  expect(${failsOn}, \`run \${run}\`).toBe(false);
});
`;
}

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

/** vitest-basic (its clamp bug fixed unless `withBug`) with the flaky test beside its tests. */
async function flakyProject(failsOn: string, withBug: boolean): Promise<FixtureProject> {
  project = await copyFixture('vitest-basic');
  const math = join(project.dir, 'src/math.ts');
  const text = await readFile(math, 'utf8');
  expect(text).toContain(bug);
  if (!withBug) await writeFile(math, text.replace(bug, fix));
  await writeFile(join(project.dir, flakyFile), flakyTest(failsOn));
  return project;
}

async function fixWith(dir: string, replies: readonly string[], ...args: string[]): Promise<CliRun> {
  return runCli(['fix', dir, '--model', `scripted:${await writeReplies(replies)}`, '--yes', ...args]);
}

function parseJson(run: CliRun): JsonResult {
  expect(run.stdout.trim(), run.stderr).not.toBe('');
  return JSON.parse(run.stdout) as JsonResult;
}

const clampFix = searchReplace('src/math.ts', bug, fix, 'clamp compares with max the wrong way round.');

describe('fix with a flaky test (vitest)', () => {
  it('keeps and applies a real fix while a test found flaky at the baseline decides nothing', async () => {
    // Fails on odd runs: the baseline's run, the step's full run; passes the re-run and the confirmation.
    const { dir } = await flakyProject('run % 2 === 1', true);
    const run = await fixWith(dir, [clampFix], '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = parseJson(run);
    expect(result).toMatchObject({ status: 'green', delivery: { kind: 'applied' }, files: ['src/math.ts'] });
    expect(result.steps.map((s) => s.outcome)).toEqual(['green']);
    expect(result.flaky).toEqual([{ id: { file: flakyFile, name: flakyName }, runs: 2, passed: 1, step: 0 }]);
    expect(run.stderr).toContain(`1 test is flaky (passed 1 of 2 runs on the same code): ${flakyFile} > ${flakyName} — it is not a goal of this run`);
    expect(await readFile(join(dir, 'src/math.ts'), 'utf8')).toContain(fix);
  });

  it('does not revert a correct fix when a passing flaky test fails under it', async () => {
    // Passes at the baseline and fails only on its second run: the full run after the fix.
    const { dir } = await flakyProject('run === 2', true);
    const run = await fixWith(dir, [clampFix], '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = parseJson(run);
    expect(result).toMatchObject({ status: 'green', delivery: { kind: 'applied' } });
    expect(result.steps.map((s) => s.outcome)).toEqual(['green']);
    expect(result.flaky).toEqual([{ id: { file: flakyFile, name: flakyName }, runs: 2, passed: 1, step: 1 }]);
    expect(await readFile(join(dir, 'src/math.ts'), 'utf8')).toContain(fix);
  });

  it('reverts that fix as a regression when the re-runs are turned off with --flaky-reruns 0', async () => {
    const { dir } = await flakyProject('run === 2', true);
    const before = await snapshotFiles(dir);
    const run = await fixWith(dir, [clampFix], '--json', '--flaky-reruns', '0');
    expect(run.code, run.stderr).toBe(1);
    const result = parseJson(run);
    expect(result.steps.map((s) => s.outcome)).toEqual(['regressed']);
    expect(result).toMatchObject({ status: 'red', flaky: [] });
    expect(await snapshotFiles(dir)).toEqual(before);
  });

  it('stops red, changing nothing, when the only failing test is flaky', async () => {
    const { dir } = await flakyProject('run % 2 === 1', false);
    const before = await snapshotFiles(dir);
    // A model that would happily make a pointless edit is never asked.
    const run = await fixWith(dir, [searchReplace('src/math.ts', 'export function sum', 'export function sum /* retry */')]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`1 test is flaky (passed 1 of 2 runs on the same code): ${flakyFile} > ${flakyName} — it is not a goal of this run`);
    expect(run.stderr).toMatch(/still RED .*0 steps/);
    expect(run.stderr).toContain("stopped: the only failures left are flaky tests, and the project's own test command did not pass (green needs it to)");
    expect(run.stderr).not.toMatch(/\bGREEN\b|already green/);
    expect(run.stdout).toBe('');
    expect(await snapshotFiles(dir)).toEqual(before);
  });
});
