import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bubblewrapArgs, type BoundaryLayout } from './bubblewrap.js';
import { createLaunchCgroup, inCgroup } from './cgroup.js';
import { scrubEnvironment } from './environment.js';
import { withLimits } from './limits.js';
import type { IsolationMode, IsolationPolicy } from './policy.js';
import { isWithin } from './paths.js';
import { seatbeltProfile } from './seatbelt.js';
import { findExecutable, isRoot, strictSupport } from './support.js';

/** What a sandbox's processes run inside. */
export interface Confinement {
  readonly root: string;
  readonly policy: IsolationPolicy;
  /** The mode in force: `strict` falls back to `basic` where the OS gives no boundary. */
  readonly mode: IsolationMode;
  /** Why the mode in force is weaker than the one asked for. */
  readonly fallbackReason?: string;
  /** Hidden from the code: the user's project (and any sandbox this one was copied from). */
  readonly hidden: readonly string[];
  /** Dependencies the code may read: the real `node_modules` dirs the sandbox links to. */
  readonly dependencies: readonly string[];
  /** A private HOME and temp dir (basic mode; strict mode has a fresh tmpfs instead). */
  readonly scratch: string;
  /** Marks every process of this sandbox, so that none outlives its run (see `sweep`). */
  readonly marker: string;
}

/** A process about to start, as the runner would start it. */
export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Dirs outside the sandbox the process must write (a run dir for reporter events). */
  readonly writable?: readonly string[];
}

export interface ContainedLaunch {
  readonly command: string;
  readonly args: string[];
  readonly env: Record<string, string | undefined>;
  /** Kills whatever the process left behind; call when it has exited. */
  readonly sweep: () => void;
}

const confinements = new Map<string, Confinement>();
let launches = 0;
const markerVariable = 'REDGREEN_BOUNDARY';
const privateTmp = '/tmp';
const privateHome = '/tmp/home';
const tmpfsBytes = 2 * 1024 * 1024 * 1024;

/**
 * Puts every process later started inside `root` (a sandbox copy of `projectDir`) under `policy`. Returns the
 * confinement, to report the mode in force, and its release.
 */
export function confine(
  root: string,
  options: { readonly projectDir: string; readonly policy: IsolationPolicy; readonly dependencies: readonly string[]; readonly hide?: readonly string[] },
): Confinement {
  const support = options.policy.mode === 'strict' ? strictSupport() : undefined;
  const mode: IsolationMode = support !== undefined && !support.available ? 'basic' : options.policy.mode;
  const scratch = mkdtempSync(join(tmpdir(), 'redgreen-scratch-'));
  mkdirSync(join(scratch, 'home'), { recursive: true });
  mkdirSync(join(scratch, 'tmp'), { recursive: true });
  const confinement: Confinement = {
    root,
    policy: options.policy,
    mode,
    ...(support !== undefined && !support.available ? { fallbackReason: support.reason } : {}),
    hidden: realAndGiven([options.projectDir, ...(options.hide ?? [])]),
    dependencies: [...options.dependencies],
    scratch,
    marker: randomBytes(8).toString('hex'),
  };
  confinements.set(root, confinement);
  return confinement;
}

/** Ends a confinement: its processes are swept and its scratch dir removed. */
export function release(root: string): void {
  const confinement = confinements.get(root);
  if (confinement === undefined) return;
  confinements.delete(root);
  sweepMarked(`${confinement.marker}.`);
  rmSync(confinement.scratch, { recursive: true, force: true });
}

/**
 * A sandbox copied from a confined one (the built-in engine's validation copy) is confined the same way, and
 * the sandbox it was copied from is hidden from it too.
 */
export function inheritConfinement(parentRoot: string, childRoot: string): Confinement | undefined {
  const parent = confinementFor(parentRoot);
  if (parent === undefined) return undefined;
  // The copy links to the same real dependencies as the sandbox it was made from.
  return confine(childRoot, {
    projectDir: parent.hidden[0] ?? parentRoot,
    policy: parent.policy,
    dependencies: parent.dependencies,
    hide: [...parent.hidden, parentRoot],
  });
}

/** The confinement of the sandbox `cwd` is in, if any. */
export function confinementFor(cwd: string): Confinement | undefined {
  const path = resolve(cwd);
  for (const [root, confinement] of confinements) if (isWithin(root, path)) return confinement;
  return undefined;
}

/**
 * How to start `spec` inside the confinement of its cwd. Outside any sandbox (redgreen's own tooling, a test
 * of a runner on a fixture) the process starts as asked.
 */
export function containLaunch(spec: LaunchSpec): ContainedLaunch {
  const confinement = confinementFor(spec.cwd);
  if (confinement === undefined || confinement.mode === 'off') {
    return { command: spec.command, args: [...spec.args], env: { ...spec.env }, sweep: () => undefined };
  }
  const strict = confinement.mode === 'strict' ? strictSupport() : undefined;
  const inStrict = strict?.available === true;
  const env = {
    ...scrubEnvironment(spec.env, {
      passEnv: confinement.policy.passEnv,
      home: inStrict && strict.tool === 'bubblewrap' ? privateHome : join(confinement.scratch, 'home'),
      tmp: inStrict && strict.tool === 'bubblewrap' ? privateTmp : join(confinement.scratch, 'tmp'),
    }),
    [markerVariable]: `${confinement.marker}.${++launches}`,
  };
  const tools = limitTools();
  const limits = isRoot() ? confinement.policy.limits : { ...confinement.policy.limits, processes: confinement.policy.limits.processes + runningProcesses() };
  let command = spec.command;
  let args = [...spec.args];
  if (inStrict) {
    const layout = layoutFor(confinement, spec);
    if (strict.tool === 'bubblewrap') {
      args = [...bubblewrapArgs({ ...layout, ...(strict.tmpSize ? { tmpBytes: tmpfsBytes } : {}) }), '--dir', privateHome, '--', command, ...args];
    } else {
      args = ['-p', seatbeltProfile({ ...layout, tmp: join(confinement.scratch, 'tmp') }), command, ...args];
    }
    command = strict.path;
  }
  const limited = withLimits(limits, command, args, tools);
  const group = createLaunchCgroup(confinement.policy.limits);
  const launch = group === undefined ? limited : inCgroup(group, limited.command, limited.args, tools.shell);
  const marker = env[markerVariable];
  return {
    command: launch.command,
    args: launch.args,
    env,
    sweep: () => {
      group?.release();
      sweepMarked(marker);
    },
  };
}

let tools: { readonly prlimit?: string; readonly shell: string } | undefined;

/** prlimit where there is one (looked up once), and the shell for `ulimit` and joining a control group. */
function limitTools(): { readonly prlimit?: string; readonly shell: string } {
  if (tools === undefined) {
    const prlimit = process.platform === 'linux' ? findExecutable('prlimit') : undefined;
    tools = { ...(prlimit === undefined ? {} : { prlimit }), shell: '/bin/sh' };
  }
  return tools;
}

function layoutFor(confinement: Confinement, spec: LaunchSpec): BoundaryLayout {
  const home = homedir();
  // The private /tmp replaces the real one even when TMPDIR points elsewhere: what lies under /tmp is hidden too.
  const hidden = [...confinement.hidden, home, '/root', '/home', '/Users', privateTmp, tmpdir(), '/var/tmp', '/run/user', '/run/secrets'];
  return {
    writable: [confinement.root, ...(spec.writable ?? [])],
    hidden,
    readable: [...confinement.dependencies, ...toolchainDirs(hidden, spec.env.PATH)],
    tmp: privateTmp,
    cwd: spec.cwd,
    allowNetwork: confinement.policy.allowNetwork,
    privileged: isRoot(),
  };
}

/**
 * What the code needs to read even where it lies in a hidden dir: Node itself, redgreen's own files (its
 * reporters and harness), and the toolchains on PATH (`~/.nvm`, `~/.pyenv`, `~/.cargo`), each as the top
 * dir below the hidden one.
 */
function toolchainDirs(hidden: readonly string[], path: string | undefined): string[] {
  const dirs = [dirname(dirname(realOr(process.execPath))), packageRoot(), ...(path ?? '').split(':').filter((dir) => dir.startsWith('/'))];
  const readable: string[] = [];
  for (const dir of dirs) {
    const real = realOr(dir);
    const cover = hidden.find((h) => isWithin(h, real) && h !== real);
    if (cover === undefined) continue;
    const top = relative(cover, real).split(sep)[0];
    if (top !== undefined && top !== '') readable.push(join(cover, top));
  }
  return readable;
}

/** redgreen's package root (its dist/ and node_modules), from this module's location. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function realAndGiven(paths: readonly string[]): string[] {
  return [...new Set(paths.flatMap((path) => [resolve(path), realOr(path)]))];
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Kills every process whose boundary marker is `marker` (or starts with it, for a prefix ending in `.`): what a
 * run started and left behind, even detached into a session of its own. Linux only; elsewhere the process
 * group kill is what there is.
 */
function sweepMarked(marker: string): void {
  if (process.platform !== 'linux') return;
  const needle = `${markerVariable}=${marker}`;
  const matches = marker.endsWith('.') ? (entry: string) => entry.startsWith(needle) : (entry: string) => entry === needle;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').some(matches)) continue;
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone, or not ours
    }
  }
}

/**
 * Processes running on the machine now. RLIMIT_NPROC counts all of the user's processes, not just the run's,
 * so the run's allowance goes on top of what is running; counting every process errs on the generous side.
 */
function runningProcesses(): number {
  if (process.platform !== 'linux') return 0;
  try {
    return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;
  } catch {
    return 0;
  }
}
