import { existsSync, statSync } from 'node:fs';
import { isWithin } from './paths.js';

/** Where things are, for building the boundary's view of the file system. */
export interface BoundaryLayout {
  /** Read-write: the sandbox copy of the project, and a run's scratch dirs (reporter events). */
  readonly writable: readonly string[];
  /** Made invisible: the user's project, home directories, the real temp dirs. */
  readonly hidden: readonly string[];
  /** Read-only, even where under a hidden dir: dependencies, the toolchain, redgreen itself. */
  readonly readable: readonly string[];
  /** The private temp dir, a fresh tmpfs. */
  readonly tmp: string;
  readonly cwd: string;
  readonly allowNetwork: boolean;
  /** Running as root: capabilities must be dropped explicitly, or the code could remount its view. */
  readonly privileged: boolean;
  /** Size of the private tmpfs in bytes, when the installed bubblewrap supports `--size`. */
  readonly tmpBytes?: number;
}

/**
 * bubblewrap's arguments for a run: new mount, PID, IPC, UTS, cgroup and (unless allowed) network namespaces;
 * the whole file system read-only with the hidden dirs replaced by empty tmpfs mounts, the readable ones
 * mounted back read-only, and only the writable ones writable; every process dies with the boundary's first
 * process, which dies with redgreen. In a new network namespace only loopback exists, and it is private.
 */
export function bubblewrapArgs(layout: BoundaryLayout): string[] {
  const args = ['--die-with-parent', '--new-session', '--unshare-all'];
  if (layout.allowNetwork) args.push('--share-net');
  if (layout.privileged) args.push('--cap-drop', 'ALL');
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc');
  if (layout.tmpBytes !== undefined) args.push('--size', String(layout.tmpBytes));
  args.push('--tmpfs', layout.tmp);
  for (const dir of outermost(layout.hidden.filter(isDirectory))) {
    if (!isWithin(layout.tmp, dir)) args.push('--tmpfs', dir);
  }
  for (const dir of outermost(layout.readable.filter(exists))) args.push('--ro-bind', dir, dir);
  for (const dir of outermost(layout.writable.filter(exists))) args.push('--bind', dir, dir);
  args.push('--chdir', layout.cwd);
  return args;
}

/** The dirs not inside another one of the list, parents first (mounting a child first would be covered). */
function outermost(dirs: readonly string[]): string[] {
  const sorted = [...new Set(dirs)].sort((a, b) => a.length - b.length);
  return sorted.filter((dir, i) => !sorted.slice(0, i).some((other) => isWithin(other, dir)));
}

function exists(path: string): boolean {
  return existsSync(path);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
