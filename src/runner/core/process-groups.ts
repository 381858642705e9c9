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
