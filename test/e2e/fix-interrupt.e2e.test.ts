import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { snapshotFiles } from '../helpers/run-cli.js';

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('Ctrl-C', () => {
  it('stops a run stuck in a hung test at once, exits 130 and leaves the project untouched', async () => {
    project = await copyFixture('vitest-hang');
    const before = await snapshotFiles(project.dir);
    const started = Date.now();
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'redgreen.js'), 'fix', project.dir, '--yes', '--test-timeout', '120'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let scheduled = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The baseline is running (and hanging) once the sandbox is announced. One Ctrl-C: the graceful path.
      if (stderr.includes('sandbox ') && !scheduled) {
        scheduled = true;
        setTimeout(() => child.kill('SIGINT'), 1500);
      }
    });
    const code = await new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise));
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted: stopping');
    expect(stderr).toContain('stopped: interrupted');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
  });
});
