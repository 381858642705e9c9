import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeChainReplies } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';
import { fixJsonResultSchema } from '../helpers/json-contract-schema.js';

/**
 * Several chains on vitest-basic (one bug: `clamp` returns `max` for values inside the range). With the scripted
 * denoiser each chain replays its own list (`{"chains": [[…], […]]}`); with the built-in engine both chains search.
 */

const realFix = searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {');
// Fixes `clamp(5, 0, 10)` but still fails `clamp(15, 0, 10)`: better, not green.
const partialFix = searchReplace('src/math.ts', '  if (value < max) {\n    return max;\n  }\n  return value;', '  return value;');
// Fixes `clamp` but breaks `sum`, which passes today: a regression.
const regression = `${realFix}\n${searchReplace(
  'src/math.ts',
  '  return values.reduce((total, value) => total + value, 0);',
  '  return values.reduce((total, value) => total - value, 0);',
)}`;

let project: FixtureProject | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await project?.cleanup();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  project = undefined;
  scratch = undefined;
});

async function runScripted(chains: readonly (readonly string[])[], extra: readonly string[]) {
  project = await copyFixture('vitest-basic');
  scratch = await mkdtemp(join(tmpdir(), 'redgreen-chains-e2e-'));
  const replies = await writeChainReplies(chains);
  await mkdir(join(scratch, 'tmp'));
  const args = ['fix', project.dir, '--model', `scripted:${replies}`, '--chains', String(chains.length), ...extra];
  return runCli(args, { env: { TMPDIR: join(scratch, 'tmp') } });
}

async function runChains(chains: readonly (readonly string[])[], extra: readonly string[] = []) {
  const run = await runScripted(chains, ['--json', '--yes', ...extra]);
  const json = fixJsonResultSchema.parse(JSON.parse(run.stdout));
  return { run, json };
}

/** Processes whose command line holds `marker` or whose working directory is under it, polled for a moment so that a process being killed has gone. */
async function survivors(marker: string): Promise<string[]> {
  let found: string[] = [];
  for (let i = 0; i < 20; i++) {
    found = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker) || readlinkSync(`/proc/${pid}/cwd`).startsWith(marker);
        } catch {
          return false;
        }
      });
    if (found.length === 0) return found;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  return found;
}

describe('--chains with the scripted denoiser', () => {
  it('keeps the chain that goes green; the chain whose reply regressed is not kept', async () => {
    // One at a time, so that chain 1's regression is tested before chain 2's green stops it.
    const { run, json } = await runChains([[regression], [realFix]], ['--concurrency', '1', '--seed', '40']);
    expect(run.code, run.stderr).toBe(0);
    expect(json.status).toBe('green');
    expect(json.chains?.kept).toBe(2);
    expect(json.chains?.reason).toBe('first chain to go green');
    expect(json.chains?.chains.map((c) => [c.chain, c.seed])).toEqual([
      [1, 40],
      [2, 41],
    ]);
    expect(json.chains?.chains[1]?.outcome).toBe('green');
    expect(json.steps.filter((s) => s.chain === 1).map((s) => s.outcome)).toContain('regressed');
    expect(json.steps.filter((s) => s.chain === 2).map((s) => s.outcome)).toEqual(['green']);
    expect(json.diff).toContain('+  if (value > max) {');
    expect(json.diff).not.toContain('total - value');
    expect(await readFile(join(project!.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
    expect(run.stderr).toMatch(/\[chain 1\] step {2}1 .*regressed, reverted/);
    // Chain 1's sandbox (the one named at the start) is gone, and so is the mark that claimed it.
    expect(await readdir(join(scratch!, 'tmp'))).toEqual([]);
    expect(run.stderr).toMatch(/\[chain 2\] step {2}1 .*green/);
  });

  it('without a green chain keeps the higher reward, never the regression, and applies only its state', async () => {
    const { run, json } = await runChains([[regression], [partialFix]], ['--concurrency', '1']);
    expect(run.code, run.stderr).toBe(1);
    expect(json.status).toBe('red');
    expect(json.chains?.kept).toBe(2);
    expect(json.chains?.reason).toMatch(/^highest reward/);
    const [first, second] = json.chains?.chains ?? [];
    expect(json.steps.filter((s) => s.chain === 1).map((s) => s.outcome)).toContain('regressed');
    expect(first?.bestReward).toBe(0);
    expect(second?.bestReward).toBeGreaterThan(0);
    expect(json.final.passed).toBe(json.baseline.passed + 1);
    expect(json.diff).not.toContain('total - value');
    expect(json.diff).toContain('-    return max;');
  });

  it('stops a chain that reaches a state another chain holds, as a duplicate', async () => {
    const run = await runScripted([[partialFix], [partialFix]], ['--concurrency', '1', '--dry-run']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/kept chain 1 \(highest reward \([\d.]+\), none went green\); chains: 1 red \(reward [\d.]+\), 2 duplicate/);
    expect(run.stderr).not.toMatch(/\[chain 2\] step {2}2/);
  });
});

describe('--chains with the built-in engine', () => {
  it('goes green with two chains at once, leaves no process running and no sandbox in TMPDIR', async () => {
    project = await copyFixture('vitest-basic');
    scratch = await mkdtemp(join(tmpdir(), 'redgreen-chains-tmp-'));
    const run = await runCli(['fix', project.dir, '--chains', '2', '--concurrency', '2', '--json', '--yes'], { env: { TMPDIR: scratch } });
    const json = fixJsonResultSchema.parse(JSON.parse(run.stdout));
    expect(run.code, run.stderr).toBe(0);
    expect(json.status).toBe('green');
    expect(json.chains?.chains).toHaveLength(2);
    expect(json.chains?.chains.find((c) => c.chain === json.chains?.kept)?.outcome).toBe('green');
    if (process.platform === 'linux') expect(await survivors(scratch)).toEqual([]);
    expect((await readdir(scratch)).filter((name) => name.startsWith('redgreen-sandbox-'))).toEqual([]);
  });
});
