import { isAbsolute, relative, sep } from 'node:path';

/** Whether the absolute `path` is `dir` or below it. */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
