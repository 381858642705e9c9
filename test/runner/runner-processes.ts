import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';

/**
 * Live processes that run in `dir` (their cwd, read from /proc on Linux) or mention it on their command
 * line: framework workers are started from node_modules paths, so the command line alone would miss them.
 */
export function processesMentioning(dir: string): string[] {
  const found = new Set<string>();
  if (existsSync('/proc/self/cwd')) {
    const targets = new Set([dir, realpathSync(dir)]);
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (targets.has(readlinkSync(`/proc/${pid}/cwd`))) found.add(`${pid} (cwd ${dir})`);
      } catch {
        // gone, or not ours to read
      }
    }
  }
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of listing.split('\n')) {
    if (line.includes(dir) && !line.includes('ps -eo')) found.add(line.trim());
  }
  return [...found];
}
