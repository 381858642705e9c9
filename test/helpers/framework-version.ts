import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureProject } from './fixture-project.js';
import { fixturesDir, repoRoot } from './fixture-project.js';

export type FrameworkName = 'vitest' | 'jest';

/** A framework major and the directory its package is installed in. */
export interface FrameworkVersion {
  readonly framework: FrameworkName;
  readonly major: number;
  readonly packageDir: string;
}

/** The majors the repository's own install holds; the older ones live in fixtures/versions as `<name>-<major>`. */
const currentMajors = { vitest: 4, jest: 30 } as const satisfies Record<FrameworkName, number>;
const versionsDir = join(repoRoot, 'fixtures', 'versions', 'node_modules');

/** Every supported major of a framework, oldest first. */
export function frameworkVersions(framework: FrameworkName, majors: readonly number[]): FrameworkVersion[] {
  return majors.map((major) => ({
    framework,
    major,
    packageDir: major === currentMajors[framework] ? join(repoRoot, 'node_modules', framework) : join(versionsDir, `${framework}-${major}`),
  }));
}

/**
 * Copies `fixtures/projects/<name>` to a temp dir whose `node_modules/<framework>` is the given version and
 * whose other node_modules entries link the repository's, so the project runs on that major as if installed.
 */
export async function copyFixtureWithVersion(name: string, version: FrameworkVersion): Promise<FixtureProject> {
  const dir = await mkdtemp(join(tmpdir(), `redgreen-fixture-${name}-${version.framework}${version.major}-`));
  await cp(join(fixturesDir, name), dir, { recursive: true });
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(join(repoRoot, 'node_modules'))) {
    if (entry === version.framework || entry === '.bin') continue;
    await symlink(join(repoRoot, 'node_modules', entry), join(modules, entry), 'dir');
  }
  await symlink(version.packageDir, join(modules, version.framework), 'dir');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
