import { readFile } from 'node:fs/promises';

/**
 * Whether process `pid`, which recorded something at `recordedAt` (ms since the epoch), may still be running.
 * A pid alone is not enough: after a crash and a restart an unrelated process can hold it. Where the start time
 * of a process is known (Linux) one that started after the record was written is not its writer.
 */
export async function isWriterRunning(pid: number, recordedAt: number): Promise<boolean> {
  if (!exists(pid)) return false;
  const started = await processStart(pid);
  // The boot time has a resolution of one second: allow for it.
  return started === undefined || !Number.isFinite(recordedAt) || started <= recordedAt + 2000;
}

/** Whether a process with this id exists (EPERM: it does, owned by someone else). */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** When a process started, in ms since the epoch, from /proc; undefined where there is no /proc. */
async function processStart(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name start at field 3; field 22 is the start in clock ticks since boot.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootSeconds)) return undefined;
    // USER_HZ is 100 on every Linux that Node runs on.
    return bootSeconds * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}
