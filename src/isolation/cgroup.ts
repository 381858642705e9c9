import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import type { ResourceLimits } from './policy.js';

/** A control group of one launch: its processes, their count and their memory together. */
export interface LaunchCgroup {
  /** The `cgroup.procs` files a process writes its pid to, to join. */
  readonly procsFiles: readonly string[];
  /** Kills every process in the group and removes it (retrying while the killed processes exit). */
  release(): void;
}

const cgroupRoot = '/sys/fs/cgroup';

/**
 * A fresh control group under redgreen's own, with `pids.max` (processes and threads) and the memory limit
 * set, where the machine lets this process create one (Linux, usually as root; cgroup v1 or v2). Unlike
 * rlimits, these bind root too and count the whole run, and the group is the surest way to find everything a
 * run started. Undefined where groups cannot be made: the rlimits and the PID namespace still apply.
 */
export function createLaunchCgroup(limits: ResourceLimits): LaunchCgroup | undefined {
  if (process.platform !== 'linux') return undefined;
  const name = `redgreen-${process.pid}-${randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  for (const [controller, settings] of controllerSettings(limits)) {
    const parent = controllerDir(controller);
    if (parent === undefined) continue;
    removeStale(parent);
    const dir = join(parent, name);
    try {
      mkdirSync(dir);
      for (const [file, value] of settings) writeFileSync(join(dir, file), value);
      dirs.push(dir);
    } catch {
      tryRemove(dir);
    }
  }
  if (dirs.length === 0) return undefined;
  return { procsFiles: dirs.map((dir) => join(dir, 'cgroup.procs')), release: () => releaseDirs(dirs) };
}

/** What to write where: v1 has one hierarchy per controller, v2 one for all ('' below). */
function controllerSettings(limits: ResourceLimits): [string, [string, string][]][] {
  // A run's processes together may use what one may, and at least half the machine (parallel test workers).
  const memory = String(Math.max(limits.memoryBytes, Math.floor(totalmem() / 2)));
  if (isV2())
    return [
      [
        '',
        [
          ['pids.max', String(limits.processes)],
          ['memory.max', memory],
        ],
      ],
    ];
  return [
    ['pids', [['pids.max', String(limits.processes)]]],
    ['memory', [['memory.limit_in_bytes', memory]]],
  ];
}

function isV2(): boolean {
  return existsSync(join(cgroupRoot, 'cgroup.controllers'));
}

/** Where this process's own group of `controller` is mounted ('' for the v2 hierarchy). */
function controllerDir(controller: string): string | undefined {
  let lines: string[];
  try {
    lines = readFileSync('/proc/self/cgroup', 'utf8').trim().split('\n');
  } catch {
    return undefined;
  }
  for (const line of lines) {
    const [, controllers, path] = line.split(':', 3) as [string, string, string];
    if (controller === '' ? controllers === '' : controllers.split(',').includes(controller)) {
      const dir = controller === '' ? join(cgroupRoot, path) : join(cgroupRoot, controller, path);
      return existsSync(dir) ? dir : undefined;
    }
  }
  return undefined;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Kills and removes, waiting (a few ms, at most 2 s) for the killed processes to be reaped. */
function releaseDirs(dirs: readonly string[]): void {
  let left = [...dirs];
  for (let attempt = 0; left.length > 0 && attempt < 200; attempt++) {
    if (attempt > 0) Atomics.wait(pause, 0, 0, 10);
    left = left.filter((dir) => {
      killAll(dir);
      return !tryRemove(dir);
    });
  }
}

const cleaned = new Set<string>();

/** Groups a killed redgreen left behind (its pid is gone): empty ones are removed, once per parent per process. */
function removeStale(parent: string): void {
  if (cleaned.has(parent)) return;
  cleaned.add(parent);
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => /^redgreen-\d+-[0-9a-f]+$/.test(name));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.split('-')[1]);
    if (pid !== process.pid && !isAlive(pid)) {
      killAll(join(parent, name));
      tryRemove(join(parent, name));
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killAll(dir: string): void {
  let pids: string[];
  try {
    pids = readFileSync(join(dir, 'cgroup.procs'), 'utf8')
      .split('\n')
      .filter((pid) => pid !== '');
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function tryRemove(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** `command args` made to join the group's `procsFiles` first (best effort: a refused join still runs). */
export function inCgroup(group: LaunchCgroup, command: string, args: readonly string[], shell: string): { command: string; args: string[] } {
  const script = 'for f in $(echo "$1" | tr ":" " "); do echo $$ > "$f" 2>/dev/null; done; shift; exec "$@"';
  return { command: shell, args: ['-c', script, 'redgreen-cgroup', group.procsFiles.join(':'), command, ...args] };
}
