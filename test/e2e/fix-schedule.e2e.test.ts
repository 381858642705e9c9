import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { fixJsonResultSchema, jsonErrorResultSchema, parseJsonOutput } from '../helpers/json-contract-schema.js';
import { searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const forms = 'expected linear, cosine, or comma-separated noise levels from 0 to 1 that do not increase (e.g. 1,0.5,0.2)';

describe('redgreen fix --schedule', () => {
  it('runs the steps down a cosine schedule; --json carries the noise level and reward of every attempt', async () => {
    project = await copyFixture('vitest-basic');
    // vitest-basic: clamp's second comparison is the wrong way round. The first reply only rewords a comment.
    const replies = await writeReplies([
      searchReplace('src/math.ts', '/** Limits `value` to the range [min, max]. */', '/** Keeps `value` within [min, max]. */', 'Clarifying the comment.'),
      searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {'),
    ]);
    const run = await runCli(['fix', project.dir, '--model', `scripted:${replies}`, '--schedule', 'cosine', '--max-iter', '4', '--json', '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    const result = fixJsonResultSchema.parse(parseJsonOutput(run.stdout));
    expect(result.status).toBe('green');
    expect(result.steps.map((s) => s.outcome)).toEqual(['no-improvement', 'green']);
    // cos²(π/2 · p) at p = 0 and 1/4.
    expect(result.steps.map((s) => s.noise)).toEqual([1, 0.85]);
    // Every goal test is a unit test (weight 1); each reply changes two lines.
    expect(result.steps.map((s) => s.reward)).toEqual([result.baseline.passed - 0.02, result.final.passed - 0.02]);
    expect(result.stallRestarts).toBe(0);
    expect(run.stderr).toMatch(/step {2}1 {2}σ 1\.00 .*no better, reverted {2}reward /);
    expect(run.stderr).toMatch(/step {2}2 {2}σ 0\.85 .*green {2}reward /);
  }, 120_000);

  it('raises the noise when steps find no better state, and says so', async () => {
    project = await copyFixture('vitest-basic');
    const reword = (text: string) =>
      searchReplace('src/math.ts', '/** Limits `value` to the range [min, max]. */', `/** ${text} */`, 'Clarifying the comment.');
    const replies = await writeReplies([
      reword('Keeps `value` within [min, max].'),
      reword('Bounds `value` by [min, max].'),
      searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {'),
    ]);
    const args = ['--model', `scripted:${replies}`, '--schedule', '0.5,0.2', '--stall-steps', '1', '--max-iter', '4', '--dry-run'];
    const run = await runCli(['fix', project.dir, ...args]);
    expect(run.code, run.stderr).toBe(0);
    // 0.5 asks for a patch; no better state: one granularity up (rewrite at 0.66), then full noise.
    expect(run.stderr).toMatch(/step {2}1 {2}σ 0\.50 .*no better, reverted/);
    expect(run.stderr).toContain('stalled   no better state for a while: noise raised to σ 0.66 (rewrite)');
    expect(run.stderr).toMatch(/step {2}2 {2}σ 0\.66 .*no better, reverted/);
    expect(run.stderr).toContain('stalled   no better state for a while: noise raised to σ 1.00 (rewrite)');
    expect(run.stderr).toMatch(/step {2}3 {2}σ 1\.00 .*green/);
    expect(run.stderr).toContain('noise schedule restarted 2 times after steps that found no better state');
  }, 120_000);

  it('refuses a bad schedule on the command line, naming the flag and the accepted forms', async () => {
    const run = await runCli(['fix', '--schedule', '0.2,0.9', '--json']);
    expect(run.code).toBe(2);
    const error = jsonErrorResultSchema.parse(parseJsonOutput(run.stdout)).error;
    expect(error.kind).toBe('usage');
    expect(error.message).toContain('--schedule');
    expect(error.message).toContain(`noise level 0.9 rises after 0.2; ${forms}`);
  });

  it('refuses a bad schedule in a config file, naming the key', async () => {
    project = await copyFixture('vitest-basic');
    await writeFile(join(project.dir, 'redgreen.config.json'), '{ "schedule": "exponential" }\n');
    const run = await runCli(['fix', project.dir, '--dry-run', '--json']);
    expect(run.code).toBe(2);
    const error = jsonErrorResultSchema.parse(parseJsonOutput(run.stdout)).error;
    expect(error.kind).toBe('config');
    expect(error.message).toContain('schedule');
    expect(error.message).toContain(forms);
  });
});
