import { existsSync, readdirSync, readFileSync } from 'node:fs';

const live = new Set<number>();
let hooked = false;

/** Kills a process group started with `detached: true`; a group that is already gone is fine. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group
  }
}

/**
 * Waits until no live process is left in the group `pid` (SIGKILL is delivered at once but a process under load
 * takes a moment to die), at most `limitMs`. Members that have exited and only wait to be reaped (zombies) do
 * not count. Off Linux, where /proc is not there to tell a zombie from a live process, it returns at once.
 */
export async function waitForGroupExit(pid: number, limitMs = 2_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (liveMembers(pid) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

function liveMembers(group: number): number {
  try {
    process.kill(-group, 0);
  } catch {
    return 0;
  }
  if (!existsSync('/proc/self/stat')) return 0;
  let count = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && Number(fields[2]) === group) count++;
  }
  return count;
}

/** Remembers a live group so that it is killed if redgreen itself exits first. */
export function trackGroup(pid: number): void {
  live.add(pid);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const group of live) killGroup(group);
  });
}

export function untrackGroup(pid: number): void {
  live.delete(pid);
}
