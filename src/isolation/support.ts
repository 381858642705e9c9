import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether this machine can give the strict boundary, with what, or why not. */
export type StrictSupport =
  | { readonly available: true; readonly tool: 'bubblewrap' | 'sandbox-exec'; readonly path: string; readonly tmpSize: boolean }
  | { readonly available: false; readonly reason: string };

let cached: StrictSupport | undefined;

/** Looks for bubblewrap (Linux) or sandbox-exec (macOS) once per process, and tries it. */
export function strictSupport(): StrictSupport {
  cached ??= detect();
  return cached;
}

function detect(): StrictSupport {
  if (process.platform === 'linux') {
    const bwrap = findExecutable('bwrap');
    if (bwrap === undefined) return { available: false, reason: 'bubblewrap (bwrap) is not installed; on Debian or Ubuntu: apt-get install bubblewrap' };
    const probe = [
      '--die-with-parent',
      '--unshare-all',
      ...(isRoot() ? ['--cap-drop', 'ALL'] : []),
      '--ro-bind',
      '/',
      '/',
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--',
      'true',
    ];
    const tried = spawnSync(bwrap, probe, { encoding: 'utf8', timeout: 10_000 });
    if (tried.status !== 0) {
      const said = (tried.stderr || tried.error?.message || `exit ${tried.status}`).trim().split('\n')[0];
      return { available: false, reason: `bubblewrap cannot create namespaces here (${said})` };
    }
    const help = spawnSync(bwrap, ['--help'], { encoding: 'utf8', timeout: 10_000 });
    return { available: true, tool: 'bubblewrap', path: bwrap, tmpSize: `${help.stdout}${help.stderr}`.includes('--size') };
  }
  if (process.platform === 'darwin') {
    const tool = '/usr/bin/sandbox-exec';
    const tried = spawnSync(tool, ['-p', '(version 1)(allow default)', '/usr/bin/true'], { encoding: 'utf8', timeout: 10_000 });
    if (tried.status === 0) return { available: true, tool: 'sandbox-exec', path: tool, tmpSize: false };
    return { available: false, reason: `sandbox-exec does not work here (${(tried.stderr || tried.error?.message || '').trim()})` };
  }
  return { available: false, reason: `no OS-level sandbox is supported on ${process.platform}` };
}

/** The first executable `name` on PATH. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}
