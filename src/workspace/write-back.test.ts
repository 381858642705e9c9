import { chmod, readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from '../errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import type { FileChange } from './file-change.js';
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
