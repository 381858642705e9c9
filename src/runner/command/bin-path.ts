import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

/** The `node_modules/.bin` dirs of `cwd` and of every ancestor that has one, nearest first, as npm scripts see them. */
export function projectBinDirs(cwd: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    const bin = join(dir, 'node_modules', '.bin');
    if (existsSync(bin)) dirs.push(bin);
    const parent = dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}

/** `env` with the project's bin dirs in front of its PATH, so `command:uvu tests` finds a locally installed binary. */
export function withProjectBins(env: Record<string, string | undefined>, cwd: string): Record<string, string | undefined> {
  const path = [...projectBinDirs(cwd), env.PATH].filter((part): part is string => part !== undefined && part !== '');
  return { ...env, PATH: path.join(delimiter) };
}
