import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** One `paths` entry of a tsconfig: `@/*` → `src/*`, relative to `base`. */
export interface PathAlias {
  readonly pattern: string;
  readonly target: string;
  readonly base: string;
}

/**
 * The `paths` aliases of the project's tsconfig.json (after `extends`), so that `@/stack` in a test leads to
 * `src/stack.ts` whether or not it exists yet. None when there is no tsconfig or it has no `paths`.
 */
export function readPathAliases(projectDir: string): PathAlias[] {
  const file = join(projectDir, 'tsconfig.json');
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error !== undefined || read.config === undefined) return [];
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, projectDir, undefined, file);
  const paths = parsed.options.paths;
  if (paths === undefined) return [];
  const base = parsed.options.baseUrl ?? (parsed.options.pathsBasePath as string | undefined) ?? dirname(file);
  return Object.entries(paths).flatMap(([pattern, targets]) => (targets[0] === undefined ? [] : [{ pattern, target: targets[0], base: resolve(base) }]));
}

/** The absolute path an alias maps a specifier to (the `*` carried over), or undefined when no alias matches. */
export function applyPathAlias(specifier: string, aliases: readonly PathAlias[]): string | undefined {
  for (const alias of aliases) {
    const star = alias.pattern.indexOf('*');
    if (star === -1) {
      if (specifier === alias.pattern) return resolve(alias.base, alias.target);
      continue;
    }
    const prefix = alias.pattern.slice(0, star);
    const suffix = alias.pattern.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      const matched = specifier.slice(prefix.length, specifier.length - suffix.length);
      return resolve(alias.base, alias.target.replace('*', matched));
    }
  }
  return undefined;
}
