import { execFileSync } from 'node:child_process';

/** Command lines of live processes that mention `text` (the project dir), for leftover-process checks. */
export function processesMentioning(text: string): string[] {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'))
    .map((line) => line.trim());
}
