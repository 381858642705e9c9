import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { runCli } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const esc = String.fromCharCode(27);
const ansi = new RegExp(`${esc}\\[\\d+m`);
/** A line of the diff in one colour: `open` is the SGR code (32 green, 31 red, 36 cyan). */
const colouredLine = (open: number, start: string) => new RegExp(`${esc}\\[${open}m${start}.*${esc}\\[39m`);

describe('terminal output: colours, the coloured diff, --verbose', () => {
  it('piped (no terminal) the diff and progress are plain, and --verbose logs commands, resolution and timings', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runCli(['fix', project.dir, '--dry-run', '--verbose'], { env: { NO_COLOR: '' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('+++ b/src/math.ts');
    expect(run.stdout).not.toMatch(ansi);
    expect(run.stderr).not.toMatch(ansi);
    expect(run.stderr).toMatch(/\[redgreen resolve \+\d+ms\] project root .*; runner vitest \(detected\)/);
    expect(run.stderr).toMatch(/\[redgreen config \+\d+ms\] no config file for /);
    // Every test process: the command, where it ran, how long, how it ended.
    expect(run.stderr).toMatch(/\[redgreen spawn \+\d+ms\] \S*node \S*vitest\S* run .*\(cwd \S+; \d+\.\d\ds; exit 1\)/);
    expect(run.stderr).toMatch(/\[redgreen spawn \+\d+ms\] .*\(cwd \S+; \d+\.\d\ds; exit 0\)/);
    expect(run.stderr).toMatch(/\[redgreen time \+\d+ms\] run \d+ms/);
  }, 120_000);

  it('FORCE_COLOR colours the diff (green +, red -, cyan hunks) and the progress; --no-color wins over it', async () => {
    project = await copyFixture('vitest-basic');
    const colored = await runCli(['fix', project.dir, '--dry-run'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(colored.code, colored.stderr).toBe(0);
    expect(colored.stdout).toMatch(colouredLine(32, '\\+ '));
    expect(colored.stdout).toMatch(colouredLine(31, '- '));
    expect(colored.stdout).toMatch(colouredLine(36, '@@ '));
    expect(colored.stderr).toMatch(ansi);
    expect(colored.stderr).not.toContain('[redgreen ');

    const plain = await runCli(['fix', project.dir, '--dry-run', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('+++ b/src/math.ts');
    expect(plain.stdout).not.toMatch(ansi);
    expect(plain.stderr).not.toMatch(ansi);
  }, 120_000);

  it('DEBUG=redgreen turns on the same log as --verbose; --json keeps stdout one plain object', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runCli(['fix', project.dir, '--dry-run', '--json'], { env: { DEBUG: 'redgreen', NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[redgreen spawn \+\d+ms\] /);
    expect(run.stdout).not.toMatch(ansi);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'green' });
  }, 120_000);
});
