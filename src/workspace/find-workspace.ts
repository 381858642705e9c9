import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';
import type { PackageManifest } from './package-manifest.js';
import { readManifest } from './package-manifest.js';

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
export async function workspacePatterns(dir: string): Promise<{ kind: Workspace['kind']; patterns: string[] } | undefined> {
  const pnpm = await readFile(join(dir, 'pnpm-workspace.yaml'), 'utf8').catch(() => undefined);
  if (pnpm !== undefined) {
    const doc = parseYaml(pnpm) as { packages?: unknown } | undefined;
    const patterns = Array.isArray(doc?.packages) ? doc.packages.filter((p): p is string => typeof p === 'string') : [];
    return { kind: 'pnpm', patterns };
  }
  const declared = (await readManifest(dir))?.workspaces;
  if (declared === undefined) return undefined;
  const patterns = Array.isArray(declared) ? declared : (declared as { packages?: readonly string[] }).packages;
  return { kind: 'npm', patterns: (patterns ?? []).filter((p) => typeof p === 'string') };
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
  const manifests = patterns.map((p) => (p.startsWith('!') ? `!${trimGlob(p.slice(1))}/package.json` : `${trimGlob(p)}/package.json`));
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

function trimGlob(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function parseYaml(text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether `path` is `dir` or below it (both absolute). */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
