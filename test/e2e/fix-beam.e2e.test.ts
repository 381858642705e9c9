import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace, writeChainReplies } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';
import { fixJsonResultSchema } from '../helpers/json-contract-schema.js';

/**
 * `--beam` on vitest-basic (one bug: `clamp` returns `max` for values inside the range). Each chain replays its
 * own scripted list; the green reply only applies to the partially fixed file, so a chain can go green with it
 * only after it restarted from the chain that found the partial fix.
 */

// Fixes `clamp(5, 0, 10)` but still fails `clamp(15, 0, 10)`: better, not green.
const partialFix = searchReplace('src/math.ts', '  if (value < max) {\n    return max;\n  }\n  return value;', '  return value;');
// Finishes the partial fix; its search text exists only in the partially fixed file.
const finishPartial = searchReplace(
  'src/math.ts',
  '    return min;\n  }\n  return value;',
  '    return min;\n  }\n  if (value > max) {\n    return max;\n  }\n  return value;',
);
const noOp = (i: number) => searchReplace('src/math.ts', '  if (value < min) {', `  if (value < min) { // ${i}`);

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function runScripted(chains: readonly (readonly string[])[], extra: readonly string[]) {
  project = await copyFixture('vitest-basic');
  const replies = await writeChainReplies(chains);
  return runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--chains', String(chains.length), ...extra]);
}

describe('--beam with the scripted denoiser', () => {
  it('restarts the other chains from the partial fix, and one of them goes green from it', async () => {
    const chains = [
      [noOp(1), noOp(2), noOp(3)],
      [partialFix, noOp(4), noOp(5)],
      [noOp(6), finishPartial, noOp(7)],
    ];
    const run = await runScripted(chains, ['--beam', '1', '--json', '--yes', '--format-retries', '0']);
    const json = fixJsonResultSchema.parse(JSON.parse(run.stdout));
    expect(run.code, run.stderr).toBe(0);
    expect(json.status).toBe('green');
    expect(json.chains?.kept).toBe(3);
    // Chain 3's green ends the run: no later step is synchronised.
    expect(json.chains?.beam).toHaveLength(1);
    expect(json.chains?.beam?.[0]).toMatchObject({
      step: 1,
      kept: [{ chain: 2 }],
      moves: [
        { chain: 1, from: 2 },
        { chain: 3, from: 2 },
      ],
    });
    expect(json.chains?.beam?.[0]?.kept[0]?.reward).toBeGreaterThan(0);
    expect(json.steps.filter((s) => s.chain === 3).map((s) => s.outcome)).toEqual(['no-improvement', 'green']);
    // Chain 2's partial fix and chain 3's finish together come to the real fix.
    expect(json.diff).toContain('-  if (value < max) {');
    expect(json.diff).toContain('+  if (value > max) {');
    expect(await readFile(join(project!.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
    expect(run.stderr).toMatch(/beam: kept chain 2 \(reward [\d.]+\); chain 1 ← chain 2, chain 3 ← chain 2/);
  });

  it('without --beam the same replies leave chain 3 unable to apply its finish', async () => {
    const chains = [[noOp(1)], [partialFix], [noOp(6), finishPartial]];
    const run = await runScripted(chains, ['--json', '--dry-run', '--format-retries', '0', '--concurrency', '3']);
    const json = fixJsonResultSchema.parse(JSON.parse(run.stdout));
    expect(json.status).toBe('red');
    expect(json.chains?.beam).toBeUndefined();
    expect(json.steps.filter((s) => s.chain === 3).map((s) => s.outcome)).not.toContain('green');
  });

  it('refuses a beam wider than the chains', async () => {
    const run = await runScripted([[noOp(1)], [noOp(2)]], ['--beam', '3']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('beam must be at most chains (2), got 3');
  });
});
