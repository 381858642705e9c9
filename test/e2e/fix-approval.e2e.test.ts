import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { recordedReplies } from '../helpers/replies-file.js';
import { snapshotFiles } from '../helpers/run-cli.js';

/** Runs the CLI under a pseudo-terminal (util-linux `script`) and answers the approval prompt. */
function runInTerminal(args: readonly string[], answer: string): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, join(repoRoot, 'bin', 'redgreen.js'), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && output.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe.skipIf(!existsSync('/usr/bin/script'))('interactive approval in a terminal', () => {
  const model = `scripted:${recordedReplies('vitest-basic-fix')}`;

  it('shows the diff, asks, and applies on yes', async () => {
    project = await copyFixture('vitest-basic');
    const run = await runInTerminal(['fix', project.dir, '--model', model], 'y');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/\+ {2}if \(value > max\) \{[\s\S]*Apply this fix to 1 file\? \[y\/N\]/);
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('if (value > max) {');
  });

  it('on no, saves the patch and leaves the files untouched', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir);
    const run = await runInTerminal(['fix', project.dir, '--model', model], 'n');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('not approved: patch saved to');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
    expect(await readdir(join(project.dir, '.redgreen', 'runs'))).toHaveLength(1);
  });
});
