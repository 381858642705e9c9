import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from '../core/errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import type { FileChange } from '../core/file-change.js';
import { decodeText } from './file-text.js';
import { restoreBackup, writeBack } from './write-back.js';

const runId = '20261121-130512-ab12cd';
const original = { 'src/math.ts': 'export const add = (a, b) => a - b;\n', 'src/old.ts': 'old\n', 'manifest.json': '{}\n' };
const changes: FileChange[] = [
  { file: 'src/math.ts', before: original['src/math.ts'], after: 'export const add = (a, b) => a + b;\n' },
  { file: 'src/new/util.ts', before: undefined, after: 'export {};\n' },
  { file: 'src/old.ts', before: 'old\n', after: undefined },
  { file: 'manifest.json', before: '{}\n', after: '{"v":2}\n' },
];

const read = (project: TempProject, rel: string): Promise<string> => readFile(join(project.dir, rel), 'utf8');

describe('writeBack', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  it('writes the changes, backs up originals with a manifest, and leaves no temp files', async () => {
    project = await createTempProject(original);
    await chmod(join(project.dir, 'src/math.ts'), 0o755);
    const result = await writeBack(project.dir, changes, runId);
    expect(result.backupDir).toBe(join(project.dir, '.redgreen/backups', runId));
    expect(result.written).toEqual(['src/math.ts', 'src/new/util.ts', 'src/old.ts', 'manifest.json']);
    expect(await read(project, 'src/math.ts')).toContain('a + b');
    expect(await read(project, 'src/new/util.ts')).toBe('export {};\n');
    expect(existsSync(join(project.dir, 'src/old.ts'))).toBe(false);
    expect((await stat(join(project.dir, 'src/math.ts'))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(result.backupDir, 'files/src/math.ts'), 'utf8')).toBe(original['src/math.ts']);
    expect(await readFile(join(result.backupDir, 'files/manifest.json'), 'utf8')).toBe('{}\n');
    const manifest: unknown = JSON.parse(await readFile(join(result.backupDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ runId, modified: ['src/math.ts', 'manifest.json'], created: ['src/new/util.ts'], deleted: ['src/old.ts'] });
    expect(await read(project, '.redgreen/.gitignore')).toBe('*\n');
    expect((await readdir(join(project.dir, 'src'))).filter((name) => name.includes('redgreen-tmp'))).toEqual([]);
  });

  it('restores the project from the backup', async () => {
    project = await createTempProject(original);
    await writeBack(project.dir, changes, runId);
    const result = await restoreBackup(project.dir, runId);
    expect(result).toEqual({ restored: ['src/math.ts', 'manifest.json', 'src/old.ts'], removed: ['src/new/util.ts'] });
    for (const [rel, text] of Object.entries(original)) expect(await read(project, rel)).toBe(text);
    expect(existsSync(join(project.dir, 'src/new/util.ts'))).toBe(false);
  });

  it('refuses to restore over files edited after the write-back, unless forced', async () => {
    project = await createTempProject(original);
    await writeBack(project.dir, changes, runId);
    await project.write({ 'src/math.ts': 'edited later\n' });
    await expect(restoreBackup(project.dir, runId)).rejects.toThrow(/src\/math\.ts changed since the write-back/);
    expect(await read(project, 'src/math.ts')).toBe('edited later\n');
    await restoreBackup(project.dir, runId, { force: true });
    expect(await read(project, 'src/math.ts')).toBe(original['src/math.ts']);
  });

  it('refuses the whole write-back when a project file changed during the run, and changes nothing', async () => {
    project = await createTempProject(original);
    await project.write({ 'src/math.ts': 'edited by the user\n' });
    const error = await writeBack(project.dir, changes, runId).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).message).toBe('refusing to write back: src/math.ts changed on disk since the run started; nothing was written');
    expect(await read(project, 'src/math.ts')).toBe('edited by the user\n');
    expect(await read(project, 'src/old.ts')).toBe('old\n');
    expect(existsSync(join(project.dir, 'src/new/util.ts'))).toBe(false);
    expect(existsSync(join(project.dir, '.redgreen'))).toBe(false);
  });

  it('refuses a created file that appeared on disk meanwhile', async () => {
    project = await createTempProject({ ...original, 'src/new/util.ts': 'mine\n' });
    await expect(writeBack(project.dir, changes, runId)).rejects.toThrow(/src\/new\/util\.ts changed on disk/);
  });

  it('refuses a second write-back under the same run id and bad run ids', async () => {
    project = await createTempProject(original);
    await writeBack(project.dir, changes.slice(0, 1), runId);
    const next = [{ file: 'src/math.ts', before: changes[0]?.after, after: 'again\n' }];
    await expect(writeBack(project.dir, next, runId)).rejects.toThrow(/already exists/);
    await expect(writeBack(project.dir, next, '../../etc')).rejects.toThrow(/not a run id/);
    await expect(restoreBackup(project.dir, '20991231-000000-000000')).rejects.toThrow(/no backup manifest/);
  });
});

describe('writeBack, byte for byte and never through a link', () => {
  let project: TempProject;
  let outside: string | undefined;
  afterEach(async () => {
    await project.cleanup();
    if (outside !== undefined) await rm(outside, { recursive: true, force: true });
    outside = undefined;
  });

  const bytesOf = (rel: string): Promise<Buffer> => readFile(join(project.dir, rel));

  it('keeps latin-1 bytes, a UTF-8 BOM and CRLF line endings on the lines the change did not touch', async () => {
    project = await createTempProject();
    const latin1 = Buffer.from('// r\xe9sum\xe9 \xa9 2026\nexport const x = 1;\n', 'latin1');
    const bom = Buffer.from('\ufeffexport const y = 1;\r\n// \u00fcber\r\n', 'utf8');
    await mkdir(join(project.dir, 'src'));
    await writeFile(join(project.dir, 'src/latin1.ts'), latin1);
    await writeFile(join(project.dir, 'src/bom.ts'), bom);
    const [latinText, bomText] = [decodeText(latin1).text, decodeText(bom).text];
    await writeBack(
      project.dir,
      [
        { file: 'src/latin1.ts', before: latinText, after: latinText.replace('x = 1', 'x = 2') },
        { file: 'src/bom.ts', before: bomText, after: bomText.replace('y = 1', 'y = 2') },
      ],
      runId,
    );
    expect((await bytesOf('src/latin1.ts')).equals(Buffer.from('// r\xe9sum\xe9 \xa9 2026\nexport const x = 2;\n', 'latin1'))).toBe(true);
    expect((await bytesOf('src/bom.ts')).equals(Buffer.from('\ufeffexport const y = 2;\r\n// \u00fcber\r\n', 'utf8'))).toBe(true);
    expect((await readFile(join(project.dir, '.redgreen/backups', runId, 'files/src/latin1.ts'))).equals(latin1)).toBe(true);
    await restoreBackup(project.dir, runId);
    expect((await bytesOf('src/latin1.ts')).equals(latin1)).toBe(true);
    expect((await bytesOf('src/bom.ts')).equals(bom)).toBe(true);
  });

  it('refuses, writing nothing, a new text the file’s encoding cannot hold', async () => {
    project = await createTempProject({ 'src/ok.ts': 'ok\n' });
    const latin1 = Buffer.from('// caf\xe9\n', 'latin1');
    await writeFile(join(project.dir, 'src/latin1.ts'), latin1);
    const text = decodeText(latin1).text;
    const error = await writeBack(
      project.dir,
      [
        { file: 'src/ok.ts', before: 'ok\n', after: 'fine\n' },
        { file: 'src/latin1.ts', before: text, after: `${text}// \u2014 a dash\n` },
      ],
      runId,
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as Error).message).toMatch(/src\/latin1\.ts.*latin-1.*U\+2014.*nothing was written$/);
    expect(await read(project, 'src/ok.ts')).toBe('ok\n');
    expect((await bytesOf('src/latin1.ts')).equals(latin1)).toBe(true);
    expect(existsSync(join(project.dir, '.redgreen'))).toBe(false);
  });

  it('refuses a dangling link whose target is outside both trees, and creates nothing there', async () => {
    project = await createTempProject({ 'src/ok.ts': 'ok\n' });
    outside = await mkdtemp(join(tmpdir(), 'redgreen-outside-'));
    await symlink(join(outside, 'planted.ts'), join(project.dir, 'src/link.ts'));
    await symlink(outside, join(project.dir, 'linked'));
    const error = await writeBack(
      project.dir,
      [
        { file: 'src/ok.ts', before: 'ok\n', after: 'fine\n' },
        { file: 'src/link.ts', before: undefined, after: 'owned\n' },
        { file: 'linked/x.ts', before: undefined, after: 'owned\n' },
      ],
      runId,
    ).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe(
      'refusing to edit src/link.ts: it is a symbolic link; refusing to edit linked/x.ts: its directory linked is a symbolic link; nothing was written',
    );
    expect(await readdir(outside)).toEqual([]);
    expect(await read(project, 'src/ok.ts')).toBe('ok\n');
  });

  it('refuses a .redgreen that is a symbolic link: backups and the intent stay inside the project', async () => {
    project = await createTempProject(original);
    outside = await mkdtemp(join(tmpdir(), 'redgreen-outside-'));
    await symlink(outside, join(project.dir, '.redgreen'));
    await expect(writeBack(project.dir, changes, runId)).rejects.toThrow(
      'refusing to write back: .redgreen is a symbolic link; backups stay inside the project',
    );
    expect(await readdir(outside)).toEqual([]);
    expect(await read(project, 'src/math.ts')).toBe(original['src/math.ts']);
  });

  it('keeps the record when the roll-back after a failed step fails too, and says so', async () => {
    project = await createTempProject(original);
    const error = await writeBack(project.dir, changes, runId, {
      onStep: (step) => {
        if (step.kind !== 'write') return;
        rmSync(join(project.dir, '.redgreen/backups', runId, 'files'), { recursive: true });
        throw new Error('stop here');
      },
    }).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe(
      `writing src/math.ts failed; putting the files back failed too; .redgreen/transactions/${runId}.json is kept so the next start retries`,
    );
    expect(existsSync(join(project.dir, '.redgreen/transactions', `${runId}.json`))).toBe(true);
  });

  it('reports each step, and leaves no record and no temp file after a normal run', async () => {
    project = await createTempProject(original);
    const steps: string[] = [];
    await writeBack(project.dir, changes, runId, { onStep: (step) => steps.push('file' in step ? `${step.kind} ${step.file}` : step.kind) });
    expect(steps).toEqual([
      'intent',
      'backup src/math.ts',
      'backup src/old.ts',
      'backup manifest.json',
      'write src/math.ts',
      'write src/new/util.ts',
      'write src/old.ts',
      'write manifest.json',
      'done',
    ]);
    expect(await readdir(join(project.dir, '.redgreen/transactions'))).toEqual([]);
    const all = await readdir(project.dir, { recursive: true });
    expect(all.filter((name) => name.includes('redgreen-tmp'))).toEqual([]);
  });

  it('rolls every file back when a step fails part-way', async () => {
    project = await createTempProject(original);
    const error = await writeBack(project.dir, changes, runId, {
      onStep: (step) => {
        if (step.kind === 'write' && step.file === 'src/old.ts') throw new Error('disk full');
      },
    }).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe('writing src/old.ts failed; every file was put back as it was');
    for (const [rel, text] of Object.entries(original)) expect(await read(project, rel)).toBe(text);
    expect(existsSync(join(project.dir, 'src/new'))).toBe(false);
    expect(await readdir(join(project.dir, '.redgreen/transactions'))).toEqual([]);
    expect(existsSync(join(project.dir, '.redgreen/backups', runId))).toBe(false);
  });
});
