import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureProject } from '../helpers/fixture-project.js';
import { copyFixture, repoRoot } from '../helpers/fixture-project.js';
import { recordedReplies } from '../helpers/replies-file.js';
import { snapshotFiles } from '../helpers/run-cli.js';

/**
 * Signals at every phase of a run: the CLI is spawned on a project whose tests are slow enough to be caught
 * in the baseline and in the search, and sent SIGINT, SIGTERM or SIGHUP. Each case asserts exit 130, the
 * message, an untouched project, and that every process the run had started at the signal is gone.
 */

/** A test that takes a while and covers the buggy function, so candidate runs take a while too. */
const slowTest = `import { expect, it } from 'vitest';
import { clamp } from '../src/math.js';

it('clamps after a pause', async () => {
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(clamp(3, 0, 10)).toBe(3);
});
`;

let project: FixtureProject | undefined;
let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'redgreen-signals-'));
});
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
  await rm(tmp, { recursive: true, force: true });
});

async function slowProject(): Promise<FixtureProject> {
  const copy = await copyFixture('vitest-basic');
  await writeFile(join(copy.dir, 'test/slow.test.ts'), slowTest);
  return copy;
}

/** The pids of every live descendant of `pid` (from /proc: a run's test processes and warm hosts). */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const match = /^\d+ \(.*\) (\S) (\d+) /s.exec(stat);
    if (match && match[1] !== 'Z') parents.set(Number(name), Number(match[2]));
  }
  const found: number[] = [];
  const visit = (parent: number): void => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

/** Whether a process still runs (a zombie waiting to be reaped has exited). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ESRCH');
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /s.test(stat);
}

/**
 * The pids still running once the kernel has carried out the kills (SIGKILL to a process group returns at once;
 * the processes die when next scheduled): polled for a few seconds, so only a process that escaped remains.
 */
async function stillRunning(pids: readonly number[]): Promise<number[]> {
  for (let i = 0; i < 50 && pids.some(running); i++) await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  return pids.filter(running);
}

interface SignalRun {
  readonly code: number | null;
  readonly stderr: string;
  /** The run's processes at the moment the first signal was sent. */
  readonly tracked: readonly number[];
}

/** Spawns the built CLI and, once `trigger` shows in its stderr, waits `delayMs` and sends `signals` one by one. */
function runAndSignal(args: readonly string[], trigger: string, signals: readonly NodeJS.Signals[], delayMs: number): Promise<SignalRun> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin', 'redgreen.js'), ...args], {
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let tracked: number[] = [];
    let scheduled = false;
    let sent = 0;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Each further signal once the one before has been acknowledged, so that none is merged with another.
      if (sent > 0 && sent < signals.length && stderr.split('interrupted: stopping').length - 1 >= sent) child.kill(signals[sent++]);
      if (scheduled || !stderr.includes(trigger)) return;
      scheduled = true;
      setTimeout(() => {
        void descendants(child.pid as number).then((pids) => {
          tracked = pids;
          child.kill(signals[sent++]);
        });
      }, delayMs);
    });
    child.stdout?.resume();
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr, tracked }));
  });
}

async function expectCleanStop(run: SignalRun, before: Record<string, string>): Promise<void> {
  expect(run.code, run.stderr).toBe(130);
  // The signal reached a run that had test processes going: the check below means something.
  expect(run.tracked.length, run.stderr).toBeGreaterThan(0);
  expect(await stillRunning(run.tracked), run.stderr).toEqual([]);
  expect(await snapshotFiles((project as FixtureProject).dir, ['node_modules', '.redgreen'])).toEqual(before);
}

describe.skipIf(process.platform !== 'linux')('signals at every phase', () => {
  describe.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s', (signal) => {
    it('in the baseline: exit 130, one message, the project untouched, nothing left running or behind', async () => {
      project = await slowProject();
      const before = await snapshotFiles(project.dir, ['node_modules', '.redgreen']);
      const run = await runAndSignal(['fix', project.dir, '--yes'], 'sandbox ', [signal], 1000);
      await expectCleanStop(run, before);
      expect(run.stderr).toContain(`interrupted: stopping after the current test run (${signal};`);
      expect(run.stderr).toMatch(/stopped: interrupted/);
      expect(run.stderr).not.toContain('found no tests');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect((await readdir(tmp)).filter((name) => name.startsWith('redgreen-'))).toEqual([]);
    }, 120_000);

    it('mid-search: exit 130, the warm host and test processes gone, no sandbox left', async () => {
      project = await slowProject();
      const before = await snapshotFiles(project.dir, ['node_modules', '.redgreen']);
      const run = await runAndSignal(['fix', project.dir, '--yes'], 'localizing the fault', [signal], 1200);
      await expectCleanStop(run, before);
      expect(run.stderr).toContain('interrupted: stopping');
      expect(run.stderr).toContain('stopped: interrupted');
      expect((await readdir(tmp)).filter((name) => name.startsWith('redgreen-'))).toEqual([]);
    }, 120_000);
  });

  it('in a repair step (its verification or confirmation run): exit 130, nothing applied, nothing left', async () => {
    project = await slowProject();
    const before = await snapshotFiles(project.dir, ['node_modules', '.redgreen']);
    const model = `scripted:${recordedReplies('vitest-basic-fix')}`;
    // --typecheck off: the signal must land while the step's tests run, not during the type check before them.
    const run = await runAndSignal(['fix', project.dir, '--yes', '--model', model, '--typecheck', 'off'], 'baseline  ', ['SIGTERM'], 2500);
    await expectCleanStop(run, before);
    expect(run.stderr).toContain('stopped: interrupted');
    expect(run.stderr).not.toContain('GREEN');
    expect((await readdir(tmp)).filter((name) => name.startsWith('redgreen-'))).toEqual([]);
  }, 120_000);

  it('a second signal quits at once and still kills every test process', async () => {
    project = await slowProject();
    const before = await snapshotFiles(project.dir, ['node_modules', '.redgreen']);
    const run = await runAndSignal(['fix', project.dir, '--yes'], 'sandbox ', ['SIGINT', 'SIGINT'], 1000);
    await expectCleanStop(run, before);
    expect(run.stderr).toContain('SIGINT again: quitting at once');
  }, 120_000);
});

/** Runs the CLI under a pseudo-terminal (util-linux `script`); at the approval prompt, `atPrompt` acts. */
function runAtPrompt(args: readonly string[], atPrompt: (child: ChildProcess) => void): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, join(repoRoot, 'bin', 'redgreen.js'), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let acted = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!acted && output.includes('[y/N]')) {
        acted = true;
        atPrompt(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

describe.skipIf(!existsSync('/usr/bin/script') || process.platform !== 'linux')('a signal at the approval prompt', () => {
  const model = `scripted:${recordedReplies('vitest-basic-fix')}`;

  it('Ctrl-C: exit 130, the verified fix saved as a patch, the files untouched', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir, ['node_modules', '.redgreen']);
    const run = await runAtPrompt(['fix', project.dir, '--model', model], (child) => child.stdin?.write('\x03'));
    expect(run.code, run.output).toBe(130);
    expect(run.output).toContain('interrupted at the approval prompt; the fix is saved, not applied: patch saved to');
    expect(run.output).not.toContain('AbortError');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
    const patches = await readdir(join(project.dir, '.redgreen', 'runs'));
    expect(patches).toHaveLength(1);
    expect(await readFile(join(project.dir, '.redgreen', 'runs', patches[0] as string), 'utf8')).toContain('+  if (value > max) {');
  }, 120_000);

  it('SIGTERM to redgreen while it waits: exit 130 and the patch saved', async () => {
    project = await copyFixture('vitest-basic');
    const before = await snapshotFiles(project.dir, ['node_modules', '.redgreen']);
    const run = await runAtPrompt(['fix', project.dir, '--model', model], (child) => {
      void descendants(child.pid as number).then(async (pids) => {
        for (const pid of pids) {
          // Only the node process: the shell that `script` started names redgreen.js too, and killing it hangs up the terminal.
          const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
          if (argv[0] === process.execPath && argv.some((arg) => arg.endsWith('redgreen.js'))) process.kill(pid, 'SIGTERM');
        }
      });
    });
    expect(run.code, run.output).toBe(130);
    expect(run.output).toContain('interrupted at the approval prompt');
    expect(await snapshotFiles(project.dir, ['node_modules', '.redgreen'])).toEqual(before);
    expect(await readdir(join(project.dir, '.redgreen', 'runs'))).toHaveLength(1);
  }, 120_000);
});
