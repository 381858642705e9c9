import { posix } from 'node:path';
import type { ProjectView } from '../core/denoiser.js';
import { parseWorkspacePatterns, workspaceManifestMatcher } from '../workspace/find-workspace.js';
import { parseManifest } from '../workspace/package-manifest.js';
import { sourceEntryCandidates } from '../workspace/package-entry.js';
import type { PackageManifest } from '../workspace/package-manifest.js';
import { bareImports, relativeImports, resolveImport } from './resolve-import.js';

/** Resolves the modules a project file imports to project files: relative imports, and workspace packages by name. */
export type ImportResolver = (from: string, text: string) => Promise<string[]>;

const reexportPattern = /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

interface LocalPackage {
  readonly dir: string;
  readonly manifest: PackageManifest;
}

/**
 * An import resolver over the project's files. A bare specifier that names a package of the workspace (the
 * root's `workspaces` or `pnpm-workspace.yaml` globs) resolves to that package's source entry, so code in a
 * sibling package is followed as a relative import would be. Manifests are read once, on first need.
 */
export function createImportResolver(project: ProjectView, files: ReadonlySet<string>): ImportResolver {
  let packages: Promise<Map<string, LocalPackage>> | undefined;
  return async (from, text) => {
    const resolved = relativeImports(text).map((specifier) => resolveImport(from, specifier, files));
    const bare = bareImports(text);
    if (bare.length > 0) {
      packages ??= readLocalPackages(project);
      const byName = await packages;
      for (const entry of bare.map((specifier) => resolvePackageImport(specifier, byName, files))) {
        if (entry !== undefined) resolved.push(entry, ...(await reexported(project, entry, files)));
      }
    }
    return resolved.filter((file): file is string => file !== undefined);
  };
}

/** The modules a package entry re-exports (`export … from './x'`): an entry is usually a barrel, the code is behind it. */
async function reexported(project: ProjectView, entry: string, files: ReadonlySet<string>): Promise<(string | undefined)[]> {
  const text = (await project.read(entry)) ?? '';
  return [...text.matchAll(reexportPattern)].map((m) => resolveImport(entry, m[1] as string, files));
}

/** A bare specifier's file when it names a local package: its source entry, or the subpath's. Pure. */
export function resolvePackageImport(specifier: string, packages: ReadonlyMap<string, LocalPackage>, files: ReadonlySet<string>): string | undefined {
  const segments = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const local = packages.get(segments.slice(0, nameLength).join('/'));
  if (local === undefined) return undefined;
  const rest = segments.slice(nameLength).join('/');
  for (const candidate of sourceEntryCandidates(local.manifest, rest === '' ? '.' : `./${rest}`)) {
    const file = resolveImport(`${local.dir}/package.json`, `./${candidate}`, files);
    if (file !== undefined && !file.endsWith('.d.ts')) return file;
  }
  return undefined;
}

/** The workspace's packages by name, read from the sandbox: the root's globs pick the package.json files. */
async function readLocalPackages(project: ProjectView): Promise<Map<string, LocalPackage>> {
  const packages = new Map<string, LocalPackage>();
  const rootText = await project.read('package.json');
  const declared = parseWorkspacePatterns(rootText === undefined ? undefined : parseManifest(rootText), await project.read('pnpm-workspace.yaml'));
  if (declared === undefined) return packages;
  const isPackageManifest = workspaceManifestMatcher(declared.patterns);
  for (const file of project.files.filter(isPackageManifest)) {
    const text = await project.read(file);
    const manifest = text === undefined ? undefined : parseManifest(text);
    if (typeof manifest?.name === 'string' && !packages.has(manifest.name)) packages.set(manifest.name, { dir: posix.dirname(file), manifest });
  }
  return packages;
}
