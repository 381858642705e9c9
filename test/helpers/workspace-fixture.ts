import { cp, mkdir, mkdtemp, readdir, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { FixtureProject } from './fixture-project.js';
import { fixturesDir, repoRoot } from './fixture-project.js';

/** Where the package manager links a workspace package: `node_modules/<name>` → `<dir>`, both relative to the workspace root. */
export type WorkspaceLinks = Readonly<Record<string, string>>;

/**
 * Copies `fixtures/projects/<name>` (a workspace) to a temp dir and installs it as npm does: a real root
 * `node_modules` whose entries link to the repository's own (vitest and the rest), plus relative links for
 * the workspace packages (`node_modules/@ws/a` → `../../packages/a`). `nested` adds pnpm-style links inside
 * a package (`packages/b/node_modules/@ws/a` → `../../../a`), keyed by the package directory.
 */
export async function copyWorkspaceFixture(
  name: string,
  links: WorkspaceLinks,
  nested: Readonly<Record<string, WorkspaceLinks>> = {},
): Promise<FixtureProject> {
  const dir = await mkdtemp(join(tmpdir(), `redgreen-fixture-${name}-`));
  await cp(join(fixturesDir, name), dir, { recursive: true });
  const shared = await realpath(join(repoRoot, 'node_modules'));
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  const scopes = new Set(
    Object.keys(links)
      .filter((n) => n.startsWith('@'))
      .map((n) => n.split('/')[0]),
  );
  for (const entry of await readdir(shared)) {
    if (!scopes.has(entry)) await symlink(join(shared, entry), join(modules, entry), 'dir');
  }
  await linkPackages(dir, '', links);
  for (const [pkg, own] of Object.entries(nested)) await linkPackages(dir, pkg, own);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function linkPackages(root: string, pkg: string, links: WorkspaceLinks): Promise<void> {
  for (const [name, target] of Object.entries(links)) {
    const link = join(root, pkg, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(relative(dirname(link), join(root, target)), link, 'dir');
  }
}

/** The links npm makes for the `npm-workspaces` fixture. */
export const npmWorkspaceLinks: WorkspaceLinks = { '@ws/a': 'packages/a', '@ws/b': 'packages/b' };
