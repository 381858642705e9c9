import { chmod, lstat, mkdir, readdir, readFile, readlink, realpath, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from '../errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createSandbox, type Sandbox } from './sandbox.js';

const files = {
  'package.json': '{"name":"demo"}\n',
  'src/math.ts': 'export const add = (a: number, b: number) => a - b;\n',
  'test/math.test.ts': 'test("add", () => {});\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.redgreen/journal.db': 'state',
  'node_modules/dep/index.js': 'module.exports = 1;\n',
  'packages/web/node_modules/local/index.js': 'module.exports = 2;\n',
  'packages/web/src/app.ts': 'export {};\n',
};

describe('createSandbox', () => {
  let project: TempProject;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.dispose();
    sandbox = undefined;
    await project.cleanup();
  });

  it('copies the project without .git and .redgreen and links the entries of every node_modules', async () => {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    expect(sandbox.root).toContain('redgreen-sandbox-');
    expect(await sandbox.listFiles()).toEqual(['package.json', 'packages/web/src/app.ts', 'src/math.ts', 'test/math.test.ts']);
    expect(existsSync(join(sandbox.root, '.git'))).toBe(false);
    expect(existsSync(join(sandbox.root, '.redgreen'))).toBe(false);
    for (const dir of ['node_modules', 'packages/web/node_modules']) {
      expect((await lstat(join(sandbox.root, dir))).isDirectory()).toBe(true);
      for (const entry of await readdir(join(project.dir, dir))) {
        expect((await lstat(join(sandbox.root, dir, entry))).isSymbolicLink()).toBe(true);
        expect(await readlink(join(sandbox.root, dir, entry))).toBe(await realpath(join(project.dir, dir, entry)));
      }
    }
    expect(await readFile(join(sandbox.root, 'node_modules/dep/index.js'), 'utf8')).toBe('module.exports = 1;\n');
  });

  it('edits only the sandbox, and dispose leaves the project and its node_modules alone', async () => {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    await sandbox.writeFile('src/math.ts', 'export const add = (a: number, b: number) => a + b;\n');
    expect(await sandbox.readFile('src/math.ts')).toContain('a + b');
    expect(await readFile(join(project.dir, 'src/math.ts'), 'utf8')).toContain('a - b');
    const root = sandbox.root;
    await sandbox.dispose();
    sandbox = undefined;
    expect(existsSync(root)).toBe(false);
    expect(existsSync(join(project.dir, 'node_modules/dep/index.js'))).toBe(true);
  });

  it('keeps the sandbox on dispose({ keep: true })', async () => {
    project = await createTempProject(files);
    const kept = await createSandbox(project.dir);
    await kept.dispose({ keep: true });
    expect(existsSync(join(kept.root, 'src/math.ts'))).toBe(true);
    await kept.dispose();
    expect(existsSync(kept.root)).toBe(false);
  });

  it('reports created, modified and deleted files against the original', async () => {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    await sandbox.writeFile('src/math.ts', 'fixed\n');
    await sandbox.writeFile('src/new/util.ts', 'new\n');
    await sandbox.deleteFile('packages/web/src/app.ts');
    await sandbox.writeFile('package.json', '{"name":"demo"}\n');
    expect(await sandbox.readFile('src/missing.ts')).toBeUndefined();
    expect(await sandbox.changedFiles()).toEqual([
      { file: 'packages/web/src/app.ts', before: 'export {};\n', after: undefined },
      { file: 'src/math.ts', before: files['src/math.ts'], after: 'fixed\n' },
      { file: 'src/new/util.ts', before: undefined, after: 'new\n' },
    ]);
  });

  it('sees changes made behind its back, e.g. by a test run', async () => {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    await writeFile(join(sandbox.root, 'src/math.ts'), 'changed by a runner\n');
    expect(await sandbox.changedFiles()).toEqual([{ file: 'src/math.ts', before: files['src/math.ts'], after: 'changed by a runner\n' }]);
  });

  it('keeps the original of a file it edited even if the project file changes meanwhile', async () => {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    await sandbox.writeFile('src/math.ts', 'fixed\n');
    await project.write({ 'src/math.ts': 'edited by the user\n' });
    expect(await sandbox.changedFiles()).toEqual([{ file: 'src/math.ts', before: files['src/math.ts'], after: 'fixed\n' }]);
  });

  it('refuses writes that escape the sandbox, through .. or a linked node_modules', async () => {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    await expect(sandbox.writeFile('../outside.ts', 'x')).rejects.toBeInstanceOf(WorkspaceError);
    await expect(sandbox.writeFile('node_modules/dep/index.js', 'x')).rejects.toThrow(/outside/);
    expect(await readFile(join(project.dir, 'node_modules/dep/index.js'), 'utf8')).toBe('module.exports = 1;\n');
  });

  it('keeps file modes', async () => {
    project = await createTempProject({ 'bin/run.sh': '#!/bin/sh\n' });
    await chmod(join(project.dir, 'bin/run.sh'), 0o755);
    sandbox = await createSandbox(project.dir);
    expect((await stat(join(sandbox.root, 'bin/run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('refuses projects over the size guard, saying which limit', async () => {
    project = await createTempProject({ 'a.ts': 'a', 'b.ts': 'b', 'c.ts': 'ccc' });
    await expect(createSandbox(project.dir, { maxFiles: 2 })).rejects.toThrow(/more than 2 files/);
    await expect(createSandbox(project.dir, { maxBytes: 3 })).rejects.toThrow(/larger than/);
  });

  it('refuses a project directory that does not exist', async () => {
    project = await createTempProject();
    await mkdir(join(project.dir, 'empty'));
    await expect(createSandbox(join(project.dir, 'missing'))).rejects.toBeInstanceOf(WorkspaceError);
    sandbox = await createSandbox(join(project.dir, 'empty'));
    expect(await sandbox.listFiles()).toEqual([]);
  });
});
