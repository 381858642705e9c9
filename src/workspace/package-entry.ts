import type { PackageManifest } from './package-manifest.js';

/** Output folders: an entry there is built code, not the source a fix belongs in. */
const builtDir = /^(?:\.\/)?(?:dist|build|out|lib-esm)\//;

/**
 * The paths, relative to the package directory, that may hold the source behind `subpath` (`.` or `./sub`) of a
 * package, best first: `source`, the `exports` targets, `module`, `main`, `types`, then `src/index` and `index`
 * (subpaths: `src/<sub>` and `<sub>`). Built output and declaration files are left out. Pure.
 */
export function sourceEntryCandidates(manifest: PackageManifest, subpath = '.'): string[] {
  const declared =
    subpath === '.'
      ? [manifest.source, ...exportTargets(manifest.exports, '.'), manifest.module, manifest.main, manifest.types]
      : exportTargets(manifest.exports, subpath);
  const bare = subpath === '.' ? 'index' : subpath.slice(2);
  const fallbacks = [`src/${bare}`, bare];
  const usable = declared.filter((p): p is string => typeof p === 'string' && !builtDir.test(p) && !p.endsWith('.d.ts'));
  return [...new Set([...usable, ...fallbacks].map((p) => p.replace(/^\.\//, '')))];
}

/** The string targets of `exports` for a subpath, in the order the conditions are written. */
function exportTargets(exports: unknown, subpath: string): string[] {
  if (typeof exports === 'string') return subpath === '.' ? [exports] : [];
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return [];
  const record = exports as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.some((key) => key.startsWith('.'))) return conditionTargets(record[subpath]);
  return subpath === '.' ? conditionTargets(record) : [];
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(conditionTargets);
  return [];
}
