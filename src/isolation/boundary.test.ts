import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from '../runner/core/run-process.js';
import { bubblewrapArgs } from './bubblewrap.js';
import { confine, containLaunch, release } from './boundary.js';
import { scrubEnvironment } from './environment.js';
import { withLimits } from './limits.js';
import { defaultIsolationPolicy, type IsolationPolicy } from './policy.js';
import { seatbeltProfile } from './seatbelt.js';
import { strictSupport } from './support.js';
import { createLaunchCgroup } from './cgroup.js';

function canMakeCgroups(): boolean {
  const group = createLaunchCgroup(defaultIsolationPolicy.limits);
  group?.release();
  return group !== undefined;
}

/** redgreen's control groups of this process still on disk. */
function leftoverCgroups(): string[] {
  const found: string[] = [];
  for (const dir of ['/sys/fs/cgroup/pids', '/sys/fs/cgroup']) {
    try {
      found.push(...readdirSync(dir).filter((name) => name.startsWith(`redgreen-${process.pid}-`)));
    } catch {
      // no such hierarchy
    }
  }
  return found;
}

describe('scrubEnvironment', () => {
  it('keeps the allowlist and the names passed through, and points HOME and the temp dir at private ones', () => {
    const env = scrubEnvironment(
      {
        PATH: '/usr/bin',
        LANG: 'C.UTF-8',
        LC_ALL: 'C',
        NODE_OPTIONS: '--enable-source-maps',
        OPENAI_API_KEY: 'sk-1',
        AWS_SECRET_ACCESS_KEY: 'x',
        SSH_AUTH_SOCK: '/s',
        GITHUB_TOKEN: 't',
        REDGREEN_EVENTS_FILE: '/e',
        MY_DB_URL: 'db',
      },
      { passEnv: ['MY_DB_URL'], home: '/h', tmp: '/t' },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      LANG: 'C.UTF-8',
      LC_ALL: 'C',
      NODE_OPTIONS: '--enable-source-maps',
      REDGREEN_EVENTS_FILE: '/e',
      MY_DB_URL: 'db',
      HOME: '/h',
      TMPDIR: '/t',
      TMP: '/t',
      TEMP: '/t',
    });
  });
});

describe('withLimits', () => {
  const limits = { memoryBytes: 1024 * 1024 * 1024, fileBytes: 1024 * 1024, processes: 100 };

  it('uses prlimit where there is one', () => {
    expect(withLimits(limits, 'node', ['a.js'], { prlimit: '/usr/bin/prlimit', shell: '/bin/sh' })).toEqual({
      command: '/usr/bin/prlimit',
      args: ['--data=1073741824', '--fsize=1048576', '--nproc=100', '--', 'node', 'a.js'],
    });
  });

  it('falls back to the shell’s ulimit, in its units', () => {
    const launch = withLimits(limits, 'node', ['a b.js'], { shell: '/bin/sh' });
    expect(launch.command).toBe('/bin/sh');
    expect(launch.args.slice(1)).toEqual(['ulimit -d 1048576 && ulimit -f 2048 && exec "$@"', 'redgreen-limits', 'node', 'a b.js']);
  });
});

describe('bubblewrapArgs', () => {
  it('hides, then mounts back read-only, then writable; outer dirs only; no network unless allowed', () => {
    const args = bubblewrapArgs({
      writable: ['/tmp', '/'],
      hidden: [],
      readable: [],
      tmp: '/tmp',
      cwd: '/',
      allowNetwork: false,
      privileged: true,
    }).join(' ');
    expect(args).toContain('--unshare-all');
    expect(args).not.toContain('--share-net');
    expect(args).toContain('--cap-drop ALL');
    expect(args).toMatch(/--tmpfs \/tmp .*--bind \/ \/ --chdir \/$/);
    expect(bubblewrapArgs({ writable: [], hidden: [], readable: [], tmp: '/tmp', cwd: '/', allowNetwork: true, privileged: false })).toContain('--share-net');
  });
});

describe('seatbeltProfile', () => {
  it('denies reads of hidden dirs and every write but the writable ones, and the network unless allowed', () => {
    const profile = seatbeltProfile({
      writable: ['/w'],
      hidden: ['/Users/me'],
      readable: ['/Users/me/.nvm'],
      tmp: '/t',
      cwd: '/w',
      allowNetwork: false,
      privileged: false,
    });
    const lines = profile.trim().split('\n');
    expect(lines.indexOf('(deny file-read* (subpath "/Users/me"))')).toBeLessThan(lines.indexOf('(allow file-read* (subpath "/Users/me/.nvm"))'));
    expect(lines.indexOf('(deny file-write*)')).toBeLessThan(lines.indexOf('(allow file-write* (subpath "/w"))'));
    expect(lines).toContain('(deny network*)');
    expect(seatbeltProfile({ writable: [], hidden: [], readable: [], tmp: '/t', cwd: '/', allowNetwork: true, privileged: false })).not.toContain(
      'deny network',
    );
  });
});

describe('a confined sandbox', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) {
      release(dir);
      await rm(dir, { recursive: true, force: true });
    }
  });

  async function confined(policy: Partial<IsolationPolicy>): Promise<{ project: string; root: string }> {
    const project = await mkdtemp(join(tmpdir(), 'redgreen-project-'));
    const root = await mkdtemp(join(tmpdir(), 'redgreen-sandbox-'));
    dirs.push(project, root);
    await writeFile(join(project, 'secret.txt'), 'top secret\n');
    confine(root, { projectDir: project, policy: { ...defaultIsolationPolicy, ...policy }, dependencies: [] });
    return { project, root };
  }

  const script = [
    "const fs = require('node:fs');",
    'const out = { env: Object.keys(process.env).sort(), home: process.env.HOME };',
    "try { out.secret = fs.readFileSync(process.argv[1] + '/secret.txt', 'utf8'); } catch (e) { out.secret = e.code; }",
    "try { fs.writeFileSync(process.argv[1] + '/new.txt', 'x'); out.write = 'written'; } catch (e) { out.write = e.code; }",
    "fs.writeFileSync('out.json', JSON.stringify(out));",
  ].join('\n');

  it.runIf(strictSupport().available)('strict: the project is invisible and read-only, the environment scrubbed', async () => {
    const { project, root } = await confined({ mode: 'strict' });
    const outcome = await runProcess({
      command: process.execPath,
      args: ['-e', script, project],
      cwd: root,
      env: { ...process.env, OPENAI_API_KEY: 'sk-1' },
      timeoutMs: 30_000,
    });
    expect(outcome.exitCode, outcome.output).toBe(0);
    const seen = JSON.parse(await readFile(join(root, 'out.json'), 'utf8')) as { env: string[]; secret: string; write: string; home: string };
    expect(seen.secret).toBe('ENOENT');
    expect(seen.write).not.toBe('written');
    expect(seen.env).not.toContain('OPENAI_API_KEY');
    expect(existsSync(join(project, 'new.txt'))).toBe(false);
  });

  it('basic: the environment is scrubbed, HOME is private; the project stays reachable, as the run start says', async () => {
    const { project, root } = await confined({ mode: 'basic' });
    const outcome = await runProcess({
      command: process.execPath,
      args: ['-e', script, project],
      cwd: root,
      env: { ...process.env, OPENAI_API_KEY: 'sk-1' },
      timeoutMs: 30_000,
    });
    expect(outcome.exitCode, outcome.output).toBe(0);
    const seen = JSON.parse(await readFile(join(root, 'out.json'), 'utf8')) as { env: string[]; home: string };
    expect(seen.env).not.toContain('OPENAI_API_KEY');
    expect(seen.home).toContain('redgreen-scratch-');
    await rm(join(project, 'new.txt'), { force: true });
  });

  it('limits the processes of a run, even for root where a control group can be made, and removes the group after', async () => {
    const { project, root } = await confined({ mode: 'strict', limits: { ...defaultIsolationPolicy.limits, processes: 20 } });
    const spawner =
      "const { spawn } = require('node:child_process'); let ok = 0, failed = 0; for (let i = 0; i < 60; i++) { try { const c = spawn('sleep', ['5']); c.on('error', () => {}); if (c.pid) ok++; else failed++; } catch { failed++; } } setTimeout(() => { require('node:fs').writeFileSync('spawned.json', JSON.stringify({ ok, failed })); process.exit(0); }, 500);";
    const outcome = await runProcess({ command: process.execPath, args: ['-e', spawner, project], cwd: root, env: process.env, timeoutMs: 30_000 });
    const counts = JSON.parse(await readFile(join(root, 'spawned.json'), 'utf8').catch(() => '{}')) as { ok?: number; failed?: number };
    if (!canMakeCgroups() && process.getuid?.() === 0) return; // the kernel exempts root from the rlimit; nothing to assert
    expect(counts.ok ?? 0, outcome.output).toBeLessThan(60);
    expect(leftoverCgroups()).toEqual([]);
  });

  it('stops a file from growing past the file size limit', async () => {
    const { project, root } = await confined({ mode: 'strict', limits: { ...defaultIsolationPolicy.limits, fileBytes: 1024 * 1024 } });
    const writer =
      "const fs = require('node:fs'); let result; try { fs.writeFileSync('big.bin', Buffer.alloc(4 * 1024 * 1024, 1)); result = 'written'; } catch (e) { result = e.code; } fs.writeFileSync('result.txt', String(result));";
    await runProcess({ command: process.execPath, args: ['-e', writer, project], cwd: root, env: process.env, timeoutMs: 30_000 });
    const { size } = await stat(join(root, 'big.bin')).catch(() => ({ size: 0 }));
    expect(size).toBeLessThanOrEqual(1024 * 1024);
  });

  it.runIf(strictSupport().available)('strict: a toolchain under /tmp stays reachable when TMPDIR points elsewhere', async () => {
    const tool = await mkdtemp(join('/tmp', 'redgreen-toolchain-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'redgreen-elsewhere-'));
    dirs.push(tool, elsewhere);
    await mkdir(join(tool, 'bin'));
    await writeFile(join(tool, 'bin', 'redgreen-test-tool'), '#!/bin/sh\necho tool-ran\n', { mode: 0o755 });
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = elsewhere;
    try {
      const { root } = await confined({ mode: 'strict' });
      const outcome = await runProcess({
        command: 'sh',
        args: ['-c', 'redgreen-test-tool'],
        cwd: root,
        env: { ...process.env, PATH: `${join(tool, 'bin')}:${process.env.PATH ?? ''}` },
        timeoutMs: 30_000,
      });
      expect(outcome.output).toContain('tool-ran');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('off, or outside any sandbox: the process starts as asked', async () => {
    const { root } = await confined({ mode: 'off' });
    expect(containLaunch({ command: 'node', args: ['x'], cwd: root, env: { A: '1' } })).toMatchObject({ command: 'node', args: ['x'], env: { A: '1' } });
    expect(containLaunch({ command: 'node', args: ['x'], cwd: tmpdir(), env: { A: '1' } })).toMatchObject({ command: 'node', args: ['x'], env: { A: '1' } });
  });
});
