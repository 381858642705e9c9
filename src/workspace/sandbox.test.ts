import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from '../core/errors.js';
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

describe('sandbox files, byte for byte and never through a link', () => {
  let project: TempProject;
  let sandbox: Sandbox | undefined;
  let outside: string | undefined;
  afterEach(async () => {
    await sandbox?.dispose();
    sandbox = undefined;
    await project.cleanup();
    if (outside !== undefined) await rm(outside, { recursive: true, force: true });
    outside = undefined;
  });

  it('reads and writes latin-1, BOM and CRLF files without changing a byte of the untouched lines', async () => {
    project = await createTempProject();
    const latin1 = Buffer.from('// d\xe9j\xe0 vu\nexport const x = 1;\n', 'latin1');
    const bom = Buffer.from('\ufeffexport const y = 1;\r\nexport const z = "\u00e9";\r\n', 'utf8');
    await mkdir(join(project.dir, 'src'));
    await writeFile(join(project.dir, 'src/latin1.ts'), latin1);
    await writeFile(join(project.dir, 'src/bom.ts'), bom);
    sandbox = await createSandbox(project.dir);
    const latinText = await sandbox.readFile('src/latin1.ts');
    expect(latinText).toBe('// d\u00e9j\u00e0 vu\nexport const x = 1;\n');
    const bomText = (await sandbox.readFile('src/bom.ts')) ?? '';
    expect(bomText).toContain('\r\n');
    await sandbox.writeFile('src/latin1.ts', (latinText ?? '').replace('x = 1', 'x = 2'));
    await sandbox.writeFile('src/bom.ts', bomText.replace('y = 1', 'y = 2'));
    expect((await readFile(join(sandbox.root, 'src/latin1.ts'))).equals(Buffer.from('// d\xe9j\xe0 vu\nexport const x = 2;\n', 'latin1'))).toBe(true);
    expect((await readFile(join(sandbox.root, 'src/bom.ts'))).equals(Buffer.from('\ufeffexport const y = 2;\r\nexport const z = "\u00e9";\r\n', 'utf8'))).toBe(
      true,
    );
    const changed = await sandbox.changedFiles();
    expect(changed.map((change) => [change.file, change.before === undefined ? undefined : change.before.includes('\ufffd')])).toEqual([
      ['src/bom.ts', false],
      ['src/latin1.ts', false],
    ]);
    expect(changed.find((change) => change.file === 'src/latin1.ts')).toMatchObject({ before: latinText, encoding: 'latin1' });
  });

  it('refuses a text the file\u2019s encoding cannot hold, naming the file', async () => {
    project = await createTempProject();
    await writeFile(join(project.dir, 'legacy.ts'), Buffer.from('// caf\xe9\n', 'latin1'));
    sandbox = await createSandbox(project.dir);
    const text = `${(await sandbox.readFile('legacy.ts')) ?? ''}// \u03bb\n`;
    expect(await sandbox.checkWrite('legacy.ts', text)).toMatch(/legacy\.ts.*latin-1.*U\+03BB/);
    await expect(sandbox.writeFile('legacy.ts', text)).rejects.toThrow(/legacy\.ts.*latin-1/);
    expect((await readFile(join(sandbox.root, 'legacy.ts'))).equals(Buffer.from('// caf\xe9\n', 'latin1'))).toBe(true);
  });

  it('refuses an edit through a dangling link whose target is outside both trees, and creates nothing there', async () => {
    project = await createTempProject({ 'src/a.ts': 'a\n' });
    outside = await mkdtemp(join(tmpdir(), 'redgreen-outside-'));
    await symlink(join(outside, 'planted.ts'), join(project.dir, 'src/link.ts'));
    await symlink(outside, join(project.dir, 'out'));
    sandbox = await createSandbox(project.dir);
    expect(await sandbox.readFile('src/link.ts')).toBeUndefined();
    expect(await sandbox.checkWrite('src/link.ts')).toBe('refusing to edit src/link.ts: it is a symbolic link');
    await expect(sandbox.writeFile('src/link.ts', 'owned\n')).rejects.toThrow('refusing to edit src/link.ts: it is a symbolic link');
    // A link out of the sandbox is refused by the real-path check first; the link check names it otherwise.
    await expect(sandbox.writeFile('out/x.ts', 'owned\n')).rejects.toThrow(/refusing to write .*out\/x\.ts: it resolves to .*, outside/);
    expect(await sandbox.checkWrite('out/x.ts')).toBe('refusing to edit out/x.ts: its directory out is a symbolic link');
    await expect(sandbox.deleteFile('src/link.ts')).rejects.toThrow(/symbolic link/);
    expect(await readdir(outside)).toEqual([]);
    expect(await sandbox.changedFiles()).toEqual([]);
  });

  it('refuses an edit whose path is a link in the project even when the sandbox copy is a plain file', async () => {
    project = await createTempProject({ 'src/a.ts': 'a\n' });
    sandbox = await createSandbox(project.dir);
    outside = await mkdtemp(join(tmpdir(), 'redgreen-outside-'));
    await symlink(join(outside, 'planted.ts'), join(project.dir, 'src/late.ts'));
    await expect(sandbox.writeFile('src/late.ts', 'x\n')).rejects.toThrow('refusing to edit src/late.ts: it is a symbolic link');
    expect(await readdir(outside)).toEqual([]);
  });
});
