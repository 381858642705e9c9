import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The first of `names` found in `projectDir` or a directory above it, looking no higher than `root`; relative
 * to `root`. A look for a config before anything loads the compiler: a project with none (plain JavaScript)
 * starts no type check at all. Which config a session then uses is `readTypecheckConfig`'s to decide.
 */
export function findConfigFile(projectDir: string, root: string, names: readonly string[]): string | undefined {
  const top = resolve(root);
  for (let dir = resolve(projectDir); ; dir = dirname(dir)) {
    const rel = relative(top, dir);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
    for (const name of names) if (existsSync(join(dir, name))) return relative(top, join(dir, name)).split(sep).join('/');
    if (rel === '' || dirname(dir) === dir) return undefined;
  }
}
