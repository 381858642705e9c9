import type { BoundaryLayout } from './bubblewrap.js';

/**
 * A sandbox-exec (Seatbelt) profile for macOS with the same intent as the bubblewrap boundary: reads allowed
 * except the hidden dirs (with the readable ones allowed back), writes only to the writable dirs, the private
 * temp dir and /dev/null, and no network but loopback unless allowed. Seatbelt cannot give a private PID
 * namespace; processes are still killed by group and by the sweep (see boundary.ts).
 */
export function seatbeltProfile(layout: BoundaryLayout): string {
  const literal = (path: string): string => JSON.stringify(path);
  const lines = ['(version 1)', '(allow default)'];
  for (const dir of layout.hidden) lines.push(`(deny file-read* (subpath ${literal(dir)}))`);
  for (const dir of layout.readable) lines.push(`(allow file-read* (subpath ${literal(dir)}))`);
  lines.push('(deny file-write*)');
  for (const dir of [...layout.writable, layout.tmp]) lines.push(`(allow file-write* (subpath ${literal(dir)}))`);
  lines.push('(allow file-write* (literal "/dev/null") (literal "/dev/tty") (subpath "/dev/fd"))');
  if (!layout.allowNetwork) {
    lines.push('(deny network*)');
    lines.push('(allow network* (remote ip "localhost:*") (local ip "localhost:*"))');
    lines.push('(allow network* (remote unix-socket) (local unix-socket))');
  }
  return `${lines.join('\n')}\n`;
}
