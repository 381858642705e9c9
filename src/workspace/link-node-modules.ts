import type { Dirent } from 'node:fs';
import { mkdir, readdir, readlink, realpath, symlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { isWithin, linkedDirName } from './project-paths.js';

/**
 * Caches that tools write into `node_modules` (vite's bundled config and optimized deps, babel's and others'
 * `.cache`): never linked, so that a run writes its own inside the sandbox and never into the user's project.
 */
const cacheEntries: ReadonlySet<string> = new Set(['.vite', '.vite-temp', '.vitest', '.cache']);

/**
 * Gives the sandbox the project's `node_modules` at `rel` without copying it: a real directory of links, one
 * per entry (two levels for `@scope/`). Dependencies point to the project's real entries (their real paths,
 * so a sandbox made from a sandbox does not lead back through it), workspace links point to the sandbox's own
 * copy of the package, so a change to a package in the sandbox is what its dependents load, and caches are
 * left out. The directory itself being the sandbox's own keeps `realpath('node_modules')/..` in the sandbox.
 */
export async function linkNodeModules(projectDir: string, sandboxDir: string, rel: string): Promise<void> {
  const from = join(projectDir, rel);
  const to = join(sandboxDir, rel);
  const real = await realpath(from).catch(() => undefined);
  // A dangling link has no real path; it is copied as it stands.
  if (real === undefined) return symlink(await readlink(from), to, 'dir');
  const links = await findWorkspaceLinks(real, await realpath(projectDir));
  await mkdir(to, { recursive: true });
  await mirror(real, to, '', (name) => {
    const target = links.get(name);
    return target === undefined ? undefined : join(sandboxDir, target);
  });
}

async function mirror(real: string, to: string, scope: string, workspaceTarget: (name: string) => string | undefined): Promise<void> {
  const entries = await readdir(join(real, scope), { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const name = scope === '' ? entry.name : `${scope}/${entry.name}`;
      if (scope === '' && cacheEntries.has(entry.name)) return;
      if (scope === '' && isScopeDir(entry)) {
        await mkdir(join(to, name));
        return mirror(real, to, name, workspaceTarget);
      }
      const link = join(to, name);
      const target = workspaceTarget(name);
      // Relative, as package managers make them: the link stays right when a kept sandbox is copied or moved.
      if (target !== undefined) return symlink(relative(dirname(link), target), link, 'dir');
      const source = join(real, name);
      const resolved = await realpath(source).catch(() => source);
      return symlink(resolved, link, entry.isFile() ? 'file' : 'dir');
    }),
  );
}

/**
 * The workspace links of a real `node_modules` dir: entry name (`a`, `@scope/a`) → the linked project directory
 * (outside any node_modules), relative to the project's real path.
 */
async function findWorkspaceLinks(real: string, projectReal: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const visit = async (scope: string): Promise<void> => {
    const entries = await readdir(join(real, scope), { withFileTypes: true }).catch(() => [] as Dirent[]);
    await Promise.all(
      entries.map(async (entry) => {
        const name = scope === '' ? entry.name : `${scope}/${entry.name}`;
        if (scope === '' && isScopeDir(entry)) return visit(name);
        if (!entry.isSymbolicLink()) return;
        const target = await workspaceTarget(join(real, name), projectReal);
        if (target !== undefined) links.set(name, target);
      }),
    );
  };
  await visit('');
  return links;
}

async function workspaceTarget(path: string, projectReal: string): Promise<string | undefined> {
  const resolved = await realpath(path).catch(() => undefined);
  if (resolved === undefined || !isWithin(projectReal, resolved) || resolved === projectReal) return undefined;
  const target = relative(projectReal, resolved);
  return target.split(sep).includes(linkedDirName) ? undefined : target;
}

function isScopeDir(entry: Dirent): boolean {
  return entry.name.startsWith('@') && entry.isDirectory();
}
