import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fix } from '../../src/index.js';
import type { FixSession } from '../../src/index.js';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace } from '../helpers/replies-file.js';

/**
 * `budgetTokens` is the run's, not each chain's: two chains of vitest-basic replay edits that change nothing
 * (a comment), so each would go on until its steps run out; with a shared budget they stop once the run has spent it.
 */

const noOps = Array.from({ length: 6 }, (_, i) => searchReplace('src/math.ts', '    return min;', `    return min; // try ${i}`));

let project: FixtureProject | undefined;
let scratch: string | undefined;
const sessions: FixSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.dispose()));
  await project?.cleanup();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

async function run(chains: number, budgetTokens?: number) {
  project ??= await copyFixture('vitest-basic');
  scratch ??= await mkdtemp(join(tmpdir(), 'redgreen-chains-budget-'));
  const replies = join(scratch, 'replies.json');
  await writeFile(replies, JSON.stringify({ chains: [noOps, noOps] }));
  const session = await fix({
    projectDir: project.dir,
    model: `scripted:${replies}`,
    maxSteps: 6,
    chains,
    concurrency: chains,
    formatRetries: 0,
    flakyReruns: 0,
    ...(budgetTokens === undefined ? {} : { budgetTokens }),
  });
  sessions.push(session);
  return session.result;
}

const total = (usage: { promptTokens: number; completionTokens: number }) => usage.promptTokens + usage.completionTokens;

describe('fix() with chains and a token budget', () => {
  it('spends one budget across all chains and says it was spent', async () => {
    const alone = await run(1);
    const perRequest = Math.max(...alone.attempts.map((a) => (a.usage ? total(a.usage) : 0)));
    const oneChain = total(alone.usage);
    expect(alone.attempts.filter((a) => a.usage !== undefined).length).toBe(6);

    const budget = Math.round(oneChain * 1.2);
    const both = await run(2, budget);
    // Like a single provider, the budget is checked before each request: a chain's request already in flight
    // when the other spends the last tokens still completes, so each running chain may overshoot by one request.
    expect(total(both.usage)).toBeGreaterThanOrEqual(budget);
    expect(total(both.usage)).toBeLessThanOrEqual(budget + 2 * perRequest);
    expect(total(both.usage)).toBeLessThan(2 * oneChain);
    expect(both.stopReason).toBe('exhausted');
    expect(both.exhaustedReason).toMatch(/^the model budget is spent: \d+ of \d+ tokens used$/);
  });
});
