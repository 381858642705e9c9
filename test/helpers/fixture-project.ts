import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixturesDir = join(repoRoot, 'fixtures', 'projects');

export interface FixtureProject {
  readonly dir: string;
  cleanup(): Promise<void>;
}

/**
 * Copies `fixtures/projects/<name>` to a fresh temp dir and links the repository's node_modules into it, so
 * the fixture runs with the vitest/jest this repository installs, as a user's project runs with its own.
 */
export function copyFixture(name: string): Promise<FixtureProject> {
  return copyProject(join(fixturesDir, name));
}

/** Copies any project directory (an example, a corpus bug) the way `copyFixture` does. */
export async function copyProject(sourceDir: string): Promise<FixtureProject> {
  const dir = await mkdtemp(join(tmpdir(), `redgreen-fixture-${basename(sourceDir)}-`));
  await cp(sourceDir, dir, { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Replaces a copied project's `src/` and `test/` with `files` (project-relative paths): its config, another program. */
export async function replaceCode(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  await rm(join(dir, 'src'), { recursive: true, force: true });
  await rm(join(dir, 'test'), { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
}
