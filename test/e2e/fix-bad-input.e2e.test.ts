import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { recordedReplies, searchReplace, writeReplies } from '../helpers/replies-file.js';
import { runCli, snapshotFiles } from '../helpers/run-cli.js';

interface JsonStep {
  readonly step: number;
  readonly outcome: string;
  readonly feedback: readonly string[];
}

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('bad input: each refused with a clear message, no file changed', () => {
  it('explains every unusable reply and leaves the project byte-identical', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const replies = [
      'I looked at the code and it seems fine to me.',
      searchReplace('src/math.ts', '  if (value <= max) {', '  if (value > max) {'),
      searchReplace('src/math.ts', '  }', '  };'),
      searchReplace('../outside.ts', 'x', 'y'),
      searchReplace('src/nope.ts', 'x', 'y'),
      searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max {'),
      searchReplace('test/math.test.ts', 'toBe(10)', 'toBe(15)'),
      '```yaml\nreasoning: both\nfile_to_patch: src/math.ts\nupdate:\n  old_str: a\n  new_str: b\nnew_content: c\n```',
    ];
    const run = await runCli(['fix', project.dir, '--model', `scripted:${await writeReplies(replies)}`, '--max-iter', '10', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as { status: string; stopReason: string; steps: JsonStep[]; delivery: { kind: string } };
    expect(result).toMatchObject({ status: 'red', stopReason: 'exhausted', delivery: { kind: 'nothing' } });
    const feedback = result.steps.map((s) => `${s.outcome}: ${s.feedback.join(' | ')}`);
    expect(feedback[0]).toMatch(/^malformed: the reply could not be read: .*(SEARCH|search\/replace|format)/i);
    expect(feedback[1]).toMatch(/^refused: src\/math\.ts: .*not found.*closest lines: \d+:/i);
    expect(feedback[2]).toMatch(/^refused: src\/math\.ts: .*(\d+ times|more than once|ambiguous).*\d+, \d+/i);
    expect(feedback[3]).toMatch(/^refused: refused: \.\.\/outside\.ts is outside the project/);
    expect(feedback[4]).toMatch(/^refused: refused: src\/nope\.ts does not exist/);
    expect(feedback[5]).toMatch(/^refused: refused: the edit breaks the syntax of src\/math\.ts:\d+:\d+: .*expected/);
    expect(feedback[6]).toMatch(/^refused: refused: test\/math\.test\.ts is a test file.*--allow-test-edits/);
    expect(feedback[7]).toMatch(/^malformed: .*(update|new_content)/);
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
    expect(existsSync(join(dirname(project.dir), 'outside.ts'))).toBe(false);
  });

  it('kills a hanging test run, reports the test as timeout, and goes green once the loop is fixed', async () => {
    project = await copyFixture('vitest-hang');
    const run = await runCli(['fix', project.dir, '--model', `scripted:${recordedReplies('vitest-hang-fix')}`, '--test-timeout', '8', '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; baseline: { passed: number; failed: number } };
    expect(result).toMatchObject({ status: 'green', baseline: { passed: 1, failed: 1 } });
  });

  it('stays red within its budget when a reply does not fix a hang', async () => {
    project = await copyFixture('vitest-hang');
    const before = await snapshotFiles(project.dir);
    const noFix = searchReplace('src/retry.ts', '  let tries = 0;', '  let tries = 0; // counts attempts');
    const run = await runCli(['fix', project.dir, '--model', `scripted:${await writeReplies([noFix])}`, '--test-timeout', '8', '--yes', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as { steps: JsonStep[]; stillFailing: { name: string }[] };
    expect(result.steps[0]?.outcome).toBe('no-improvement');
    expect(result.stillFailing.map((t) => t.name)).toEqual(['retry > gives up after the given number of attempts']);
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });
});

describe('scoping', () => {
  it('refuses edits outside --src and scopes the goal to --tests', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const run = await runCli([
      'fix',
      project.dir,
      '--model',
      `scripted:${recordedReplies('vitest-basic-fix')}`,
      '--src',
      'lib/**',
      '--tests',
      'test/**/*.test.ts',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as { steps: JsonStep[] };
    expect(result.steps[0]?.feedback.join('\n')).toContain('refused: src/math.ts is outside the --src scope (lib/**)');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });

  it('exits 2 when --tests matches no file', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runCli(['fix', project.dir, '--model', `scripted:${recordedReplies('vitest-basic-fix')}`, '--tests', 'nothing/**']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('no file in the project matches --tests nothing/**');
  });
});

describe('usage and configuration errors exit 2 with a message', () => {
  it.each([
    [['fix', '/nonexistent/project', '--model', 'scripted:x.json'], /project directory not found/],
    [['fix', '.', '--max-iter', '0'], /positive whole number/],
    // Past Node's timer limit a timer fires at once: it would kill every test run after 1 ms.
    [['fix', '.', '--test-timeout', '9999999999'], /at most 2147483 seconds/],
    [['fix', '.', '--budget-seconds', '3000000'], /at most 2147483 seconds/],
    [['fix', 'fixtures/projects/vitest-basic', '--model', 'builtin', '--infill'], /--infill needs a code model/],
    [['fix', 'fixtures/projects/vitest-basic', '--model', 'nope:x'], /nope/],
    [['fix', 'fixtures/projects/vitest-basic', '--model', 'scripted:missing.json'], /missing\.json/],
    [['fix', 'fixtures/projects/vitest-basic', '--model', 'scripted:x', '--runner', 'mocha2'], /mocha2[\s\S]*vitest/],
  ])('%j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
