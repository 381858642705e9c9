import { lstat, mkdir, readFile, readlink, realpath, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createSandbox, type Sandbox } from './sandbox.js';

const files = {
  'package.json': '{"workspaces":["packages/*"]}',
  'packages/a/package.json': '{"name":"@ws/a"}',
  'packages/a/index.js': 'export const a = 1;\n',
  'packages/b/package.json': '{"name":"@ws/b"}',
  'node_modules/dep/index.js': 'module.exports = 1;\n',
  'node_modules/.bin/.keep': '',
  'node_modules/@types/node/index.d.ts': '',
  'node_modules/.pnpm/lib@1/node_modules/lib/index.js': 'module.exports = 2;\n',
};

/** Links as npm (`node_modules/@ws/a`) and pnpm (`node_modules/lib` into `.pnpm`, `packages/b/node_modules/@ws/a`) make them. */
async function linkAsPackageManagers(dir: string): Promise<void> {
  const links: [string, string][] = [
    ['node_modules/@ws/a', '../../packages/a'],
    ['node_modules/lib', '.pnpm/lib@1/node_modules/lib'],
    ['packages/b/node_modules/@ws/a', '../../../a'],
  ];
  for (const [link, target] of links) {
    await mkdir(dirname(join(dir, link)), { recursive: true });
    await symlink(target, join(dir, link), 'dir');
  }
}

describe('node_modules in a sandbox of a workspace', () => {
  let project: TempProject;
  const sandboxes: Sandbox[] = [];
  afterEach(async () => {
    for (const sandbox of sandboxes.splice(0)) await sandbox.dispose();
    await project.cleanup();
  });

  async function sandboxOf(dir: string): Promise<Sandbox> {
    const sandbox = await createSandbox(dir);
    sandboxes.push(sandbox);
    return sandbox;
  }

  it('links workspace packages to their sandbox copies, so an edit there is what dependents load', async () => {
    project = await createTempProject(files);
    await linkAsPackageManagers(project.dir);
    const sandbox = await sandboxOf(project.dir);
    for (const link of ['node_modules/@ws/a', 'packages/b/node_modules/@ws/a']) {
      expect(await realpath(join(sandbox.root, link))).toBe(join(sandbox.root, 'packages/a'));
    }
    expect(await readlink(join(sandbox.root, 'node_modules/@ws/a'))).toBe('../../packages/a');
    await sandbox.writeFile('packages/a/index.js', 'export const a = 2;\n');
    expect(await readFile(join(sandbox.root, 'packages/b/node_modules/@ws/a/index.js'), 'utf8')).toBe('export const a = 2;\n');
    expect(await readFile(join(project.dir, 'packages/a/index.js'), 'utf8')).toBe('export const a = 1;\n');
  });

  it('links every other entry to the real package, without copying', async () => {
    project = await createTempProject(files);
    await linkAsPackageManagers(project.dir);
    const sandbox = await sandboxOf(project.dir);
    expect((await lstat(join(sandbox.root, 'node_modules'))).isDirectory()).toBe(true);
    for (const entry of ['dep', '.bin', '.pnpm', 'lib', '@types/node']) {
      expect((await lstat(join(sandbox.root, 'node_modules', entry))).isSymbolicLink()).toBe(true);
      expect(await realpath(join(sandbox.root, 'node_modules', entry))).toBe(await realpath(join(project.dir, 'node_modules', entry)));
    }
    expect(await readFile(join(sandbox.root, 'node_modules/lib/index.js'), 'utf8')).toBe('module.exports = 2;\n');
    await expect(sandbox.writeFile('node_modules/dep/index.js', 'x')).rejects.toThrow(/outside/);
  });

  it('keeps workspace links inside a sandbox made from a sandbox', async () => {
    project = await createTempProject(files);
    await linkAsPackageManagers(project.dir);
    const first = await sandboxOf(project.dir);
    const second = await sandboxOf(first.root);
    expect(await realpath(join(second.root, 'node_modules/@ws/a'))).toBe(join(second.root, 'packages/a'));
    expect(await realpath(join(second.root, 'node_modules/dep'))).toBe(await realpath(join(project.dir, 'node_modules/dep')));
  });

  it('gives the sandbox a node_modules of its own, so tools write their caches there and not in the project', async () => {
    project = await createTempProject({ 'package.json': '{}', 'node_modules/dep/index.js': 'module.exports = 1;\n', 'node_modules/.vite/deps/x.js': '' });
    const sandbox = await sandboxOf(project.dir);
    expect((await lstat(join(sandbox.root, 'node_modules'))).isDirectory()).toBe(true);
    expect(await realpath(join(sandbox.root, 'node_modules/dep'))).toBe(await realpath(join(project.dir, 'node_modules/dep')));
    await expect(lstat(join(sandbox.root, 'node_modules/.vite'))).rejects.toThrow(/ENOENT/);
    await mkdir(join(sandbox.root, 'node_modules/.vite-temp'));
    await expect(lstat(join(project.dir, 'node_modules/.vite-temp'))).rejects.toThrow(/ENOENT/);
  });
});
