import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { findWorkspace, parseWorkspacePatterns, workspaceManifestMatcher } from './find-workspace.js';
import { locateProject, toRootGlobs } from './locate-project.js';

const packages = {
  'packages/a/package.json': '{"name":"@ws/a","main":"./src/index.ts"}',
  'packages/b/package.json': '{"name":"@ws/b"}',
  'packages/b/src/cart.ts': '',
  'tools/cli/package.json': '{"name":"cli"}',
  'docs/package.json': '{"name":"docs"}',
};

describe('findWorkspace', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  it('reads npm `workspaces` globs and lists the named packages with their manifests', async () => {
    project = await createTempProject({ ...packages, 'package.json': '{"workspaces":["packages/*","tools/*/"]}' });
    const workspace = await findWorkspace(project.dir);
    expect(workspace).toMatchObject({ root: project.dir, kind: 'npm', patterns: ['packages/*', 'tools/*/'] });
    expect(workspace?.packages.map((p) => [p.name, p.dir])).toEqual([
      ['@ws/a', 'packages/a'],
      ['@ws/b', 'packages/b'],
      ['cli', 'tools/cli'],
    ]);
    expect(workspace?.packages[0]?.manifest.main).toBe('./src/index.ts');
  });

  it('reads yarn `workspaces.packages` and honours negated globs', async () => {
    project = await createTempProject({ ...packages, 'package.json': '{"workspaces":{"packages":["packages/*","!packages/b"]}}' });
    expect((await findWorkspace(project.dir))?.packages.map((p) => p.dir)).toEqual(['packages/a']);
  });

  it('reads pnpm-workspace.yaml', async () => {
    project = await createTempProject({ ...packages, 'package.json': '{"name":"root"}', 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - docs\n" });
    const workspace = await findWorkspace(project.dir);
    expect(workspace?.kind).toBe('pnpm');
    expect(workspace?.packages.map((p) => p.dir)).toEqual(['docs', 'packages/a', 'packages/b']);
  });

  it('walks up from a package (or a folder in it) to the root, and not from a folder the globs leave out', async () => {
    project = await createTempProject({ ...packages, 'package.json': '{"workspaces":["packages/*"]}' });
    expect((await findWorkspace(join(project.dir, 'packages/b/src')))?.root).toBe(project.dir);
    expect(await findWorkspace(join(project.dir, 'docs'))).toBeUndefined();
  });

  it('finds nothing for a project outside any workspace', async () => {
    project = await createTempProject({ 'package.json': '{"name":"solo"}' });
    expect(await findWorkspace(project.dir)).toBeUndefined();
    expect(await locateProject(project.dir)).toEqual({ root: project.dir, subdir: '' });
  });

  it('locates a package below its root', async () => {
    project = await createTempProject({ ...packages, 'package.json': '{"workspaces":["packages/*"]}' });
    expect(await locateProject(join(project.dir, 'packages/b'))).toMatchObject({ root: project.dir, subdir: 'packages/b' });
  });
});

describe('toRootGlobs', () => {
  it('makes globs written in a package relative to the root, sibling packages included', () => {
    expect(toRootGlobs('packages/b', ['test/**', '../a/src/**', '!test/slow.test.ts'])).toEqual([
      'packages/b/test/**',
      'packages/a/src/**',
      '!packages/b/test/slow.test.ts',
    ]);
    expect(toRootGlobs('', ['test/**'])).toEqual(['test/**']);
  });
});

describe('parseWorkspacePatterns / workspaceManifestMatcher', () => {
  it('reads the globs from text and matches package manifests by them', () => {
    expect(parseWorkspacePatterns({ workspaces: { packages: ['packages/*'] } }, undefined)).toEqual({ kind: 'npm', patterns: ['packages/*'] });
    expect(parseWorkspacePatterns({ workspaces: ['x'] }, 'packages: [libs/*]')).toEqual({ kind: 'pnpm', patterns: ['libs/*'] });
    expect(parseWorkspacePatterns({ name: 'solo' }, undefined)).toBeUndefined();
    const matches = workspaceManifestMatcher(['packages/*', './tools/**', '!packages/skip']);
    expect(['packages/a/package.json', 'tools/x/y/package.json', 'packages/skip/package.json', 'package.json', 'packages/a/src/x.ts'].filter(matches)).toEqual([
      'packages/a/package.json',
      'tools/x/y/package.json',
    ]);
  });
});
