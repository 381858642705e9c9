import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';
import type { PackageManifest } from './package-manifest.js';
import { readManifest } from './package-manifest.js';
import { isWithin } from './project-paths.js';

/** One package of a workspace. */
export interface WorkspacePackage {
  /** The manifest's `name` (packages without one cannot be imported by name and are left out). */
  readonly name: string;
  /** Root-relative POSIX directory, e.g. `packages/a`. */
  readonly dir: string;
  readonly manifest: PackageManifest;
}

/** An npm, yarn or pnpm workspace: a root and the packages its globs name. */
export interface Workspace {
  readonly root: string;
  readonly kind: 'npm' | 'pnpm';
  /** The package globs as written (`packages/*`). */
  readonly patterns: readonly string[];
  readonly packages: readonly WorkspacePackage[];
}

/** The package globs a directory declares as a workspace root: `package.json` `workspaces`, or `pnpm-workspace.yaml`. */
export async function workspacePatterns(dir: string): Promise<WorkspacePatterns | undefined> {
  const pnpmYaml = await readFile(join(dir, 'pnpm-workspace.yaml'), 'utf8').catch(() => undefined);
  return parseWorkspacePatterns(await readManifest(dir), pnpmYaml);
}

/** What a root declares: its kind (`npm` covers yarn) and package globs. */
export interface WorkspacePatterns {
  readonly kind: Workspace['kind'];
  readonly patterns: readonly string[];
}

/** The workspace globs of a root's manifest and `pnpm-workspace.yaml` text (pnpm's wins); undefined for no workspace. Pure. */
export function parseWorkspacePatterns(manifest: PackageManifest | undefined, pnpmYaml: string | undefined): WorkspacePatterns | undefined {
  if (pnpmYaml !== undefined) {
    const doc = parseYaml(pnpmYaml) as { packages?: unknown } | undefined;
    const patterns = Array.isArray(doc?.packages) ? doc.packages.filter((p): p is string => typeof p === 'string') : [];
    return { kind: 'pnpm', patterns };
  }
  const declared = manifest?.workspaces;
  if (declared === undefined) return undefined;
  const patterns = Array.isArray(declared) ? declared : (declared as { packages?: readonly string[] }).packages;
  return { kind: 'npm', patterns: (patterns ?? []).filter((p) => typeof p === 'string') };
}

/** Whether a root-relative path is the package.json of a workspace package, by the globs. Pure. */
export function workspaceManifestMatcher(patterns: readonly string[]): (file: string) => boolean {
  const globs = manifestGlobs(patterns);
  const include = globs.filter((g) => !g.startsWith('!'));
  if (include.length === 0) return () => false;
  return picomatch(include, { ignore: globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1)) });
}

/**
 * The workspace `dir` belongs to: the nearest directory at or above it that declares workspaces and whose
 * globs cover `dir` (or that is `dir` itself). Undefined for a project outside any workspace.
 */
export async function findWorkspace(dir: string): Promise<Workspace | undefined> {
  const start = resolve(dir);
  for (let current = start; ; current = dirname(current)) {
    const declared = await workspacePatterns(current);
    if (declared !== undefined) {
      const packages = await listWorkspacePackages(current, declared.patterns);
      const inside = current === start || packages.some((p) => isWithin(join(current, p.dir), start));
      if (inside) return { root: current, ...declared, packages };
    }
    if (dirname(current) === current) return undefined;
  }
}

/** The named packages the globs match under `root`, sorted by directory. Negated globs (`!x`) exclude. */
export async function listWorkspacePackages(root: string, patterns: readonly string[]): Promise<WorkspacePackage[]> {
  const manifests = manifestGlobs(patterns);
  if (!manifests.some((p) => !p.startsWith('!'))) return [];
  const found = await glob(manifests, { cwd: root, ignore: ['**/node_modules/**'], onlyFiles: true, expandDirectories: false });
  const packages: WorkspacePackage[] = [];
  for (const file of found.sort()) {
    const dir = file === 'package.json' ? '' : file.slice(0, -'/package.json'.length);
    const manifest = await readManifest(join(root, dir));
    if (manifest?.name !== undefined && dir !== '') packages.push({ name: manifest.name, dir, manifest });
  }
  return packages;
}

/** The package.json glob of each workspace glob (`packages/x` → `packages/x/package.json`), negations kept. */
function manifestGlobs(patterns: readonly string[]): string[] {
  const trim = (pattern: string): string => pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  return patterns.map((p) => (p.startsWith('!') ? `!${trim(p.slice(1))}/package.json` : `${trim(p)}/package.json`));
}

function parseYaml(text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch {
    return undefined;
  }
}
