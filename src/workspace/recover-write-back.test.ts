import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from '../core/errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import type { FileChange } from '../core/file-change.js';
import { describeRecovery, recoverWriteBacks } from './recover-write-back.js';
import { writeBack } from './write-back.js';

const runId = '20261202-090000-a1b2c3';
const intentFile = `.redgreen/transactions/${runId}.json`;
const old = { a: Buffer.from('export const a = 1;\r\n', 'utf8'), b: Buffer.from('// caf\xe9\nexport const b = 1;\n', 'latin1') };
const next = {
  a: Buffer.from('export const a = 2;\r\n', 'utf8'),
  b: Buffer.from('// caf\xe9\nexport const b = 2;\n', 'latin1'),
  c: Buffer.from('export {};\n'),
};
const changes: FileChange[] = [
  { file: 'src/a.ts', before: old.a.toString('utf8'), after: next.a.toString('utf8') },
  { file: 'src/b.ts', before: old.b.toString('latin1'), after: next.b.toString('latin1') },
  { file: 'src/new/c.ts', before: undefined, after: next.c.toString('utf8') },
];

/**
 * The state a crash leaves: the write-back runs to the end, then its intent (captured when it was recorded) is
 * put back and each file set as `state` says, as if the process had died part-way.
 */
async function crashed(project: TempProject, state: { a: 'old' | 'new'; b: 'old' | 'new'; c: boolean }): Promise<void> {
  let intent = '';
  await writeBack(project.dir, changes, runId, {
    onStep: (step) => {
      if (step.kind === 'intent') intent = readFileSync(join(project.dir, intentFile), 'utf8');
    },
  });
  await writeFile(join(project.dir, intentFile), intent);
  await writeFile(join(project.dir, 'src/a.ts'), state.a === 'old' ? old.a : next.a);
  await writeFile(join(project.dir, 'src/b.ts'), state.b === 'old' ? old.b : next.b);
  if (!state.c) await rm(join(project.dir, 'src/new'), { recursive: true });
}

const bytes = (project: TempProject, rel: string): Promise<Buffer> => readFile(join(project.dir, rel));

describe('recoverWriteBacks', () => {
  let project: TempProject;
  afterEach(() => project.cleanup());

  async function setUp(): Promise<void> {
    project = await createTempProject({ 'package.json': '{}\n' });
    await mkdir(join(project.dir, 'src'));
    await writeFile(join(project.dir, 'src/a.ts'), old.a);
    await writeFile(join(project.dir, 'src/b.ts'), old.b);
  }

  it('finds nothing to do in a project with no interrupted write-back', async () => {
    await setUp();
    expect(await recoverWriteBacks(project.dir)).toEqual([]);
    await writeBack(project.dir, changes, runId);
    expect(await recoverWriteBacks(project.dir)).toEqual([]);
  });

  it('rolls a half-done write-back back to every old byte, removing temp files and the created directory', async () => {
    await setUp();
    await crashed(project, { a: 'new', b: 'old', c: false });
    await writeFile(join(project.dir, `src/b.ts.redgreen-tmp-${runId}`), 'half');
    const recovered = await recoverWriteBacks(project.dir);
    expect(recovered).toEqual([{ runId, outcome: 'rolled-back', files: ['src/a.ts'], removedTemps: [`src/b.ts.redgreen-tmp-${runId}`] }]);
    expect(describeRecovery(recovered[0]!)).toBe(`recovered an interrupted write-back of run ${runId}: rolled back to the files as they were (src/a.ts)`);
    expect((await bytes(project, 'src/a.ts')).equals(old.a)).toBe(true);
    expect((await bytes(project, 'src/b.ts')).equals(old.b)).toBe(true);
    expect(await readdir(join(project.dir, 'src'))).toEqual(['a.ts', 'b.ts']);
    expect(await readdir(join(project.dir, '.redgreen/transactions'))).toEqual([]);
    // The backup described a write-back that no longer happened.
    expect(existsSync(join(project.dir, '.redgreen/backups', runId))).toBe(false);
  });

  it("removes any temp file beside the intent's files, such as one a cut-short roll-back left, but no other file", async () => {
    await setUp();
    await crashed(project, { a: 'new', b: 'new', c: true });
    await writeFile(join(project.dir, 'src/a.ts.redgreen-tmp-0f0f0f0f0f0f'), 'half of a roll-back');
    await writeFile(join(project.dir, 'src/other.ts.redgreen-tmp-0f0f0f0f0f0f'), 'not ours');
    const [recovered] = await recoverWriteBacks(project.dir);
    expect(recovered).toMatchObject({ outcome: 'completed', removedTemps: ['src/a.ts.redgreen-tmp-0f0f0f0f0f0f'] });
    expect((await readdir(join(project.dir, 'src'))).sort()).toEqual(['a.ts', 'b.ts', 'new', 'other.ts.redgreen-tmp-0f0f0f0f0f0f']);
  });

  it('removes a created file when the crash came after it was written', async () => {
    await setUp();
    await crashed(project, { a: 'old', b: 'new', c: true });
    const [recovered] = await recoverWriteBacks(project.dir);
    expect(recovered).toMatchObject({ outcome: 'rolled-back', files: ['src/b.ts', 'src/new/c.ts'] });
    expect((await bytes(project, 'src/b.ts')).equals(old.b)).toBe(true);
    expect(existsSync(join(project.dir, 'src/new'))).toBe(false);
  });

  it('finishes a write-back whose every file already has its new content, keeping the backup for undo', async () => {
    await setUp();
    await crashed(project, { a: 'new', b: 'new', c: true });
    const recovered = await recoverWriteBacks(project.dir);
    expect(recovered).toEqual([{ runId, outcome: 'completed', files: ['src/a.ts', 'src/b.ts', 'src/new/c.ts'], removedTemps: [] }]);
    expect(describeRecovery(recovered[0]!)).toMatch(/it had finished writing \(src\/a\.ts, src\/b\.ts, src\/new\/c\.ts\)/);
    expect((await bytes(project, 'src/b.ts')).equals(next.b)).toBe(true);
    expect(existsSync(join(project.dir, '.redgreen/backups', runId, 'manifest.json'))).toBe(true);
    expect(await readdir(join(project.dir, '.redgreen/transactions'))).toEqual([]);
  });

  it('changes nothing and says what to do when a file was edited since the crash', async () => {
    await setUp();
    await crashed(project, { a: 'new', b: 'old', c: false });
    await writeFile(join(project.dir, 'src/b.ts'), 'edited by the user\n');
    const error = await recoverWriteBacks(project.dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as Error).message).toMatch(/cannot be finished or undone: src\/b\.ts changed since; compare with .*backups.*, then delete .*transactions/);
    expect((await bytes(project, 'src/a.ts')).equals(next.a)).toBe(true);
    expect(existsSync(join(project.dir, intentFile))).toBe(true);
  });

  it('leaves alone a write-back whose process is still running', async () => {
    await setUp();
    await crashed(project, { a: 'new', b: 'old', c: false });
    const intent = JSON.parse(await readFile(join(project.dir, intentFile), 'utf8')) as { pid: number };
    await writeFile(join(project.dir, intentFile), JSON.stringify({ ...intent, pid: process.ppid }));
    expect(await recoverWriteBacks(project.dir)).toEqual([{ runId, outcome: 'in-progress', files: [], removedTemps: [] }]);
    expect((await bytes(project, 'src/a.ts')).equals(next.a)).toBe(true);
  });

  it('blocks a new write-back until the interrupted one is recovered', async () => {
    await setUp();
    await crashed(project, { a: 'new', b: 'old', c: false });
    const again = [{ file: 'src/b.ts', before: old.b.toString('latin1'), after: 'x\n' }];
    await expect(writeBack(project.dir, again, '20261202-090001-a1b2c3')).rejects.toThrow(`an interrupted write-back of run ${runId} is pending`);
  });

  it('names a record it cannot read', async () => {
    await setUp();
    await mkdir(join(project.dir, '.redgreen/transactions'), { recursive: true });
    await writeFile(join(project.dir, intentFile), '{"version":1');
    await expect(recoverWriteBacks(project.dir)).rejects.toThrow(`cannot read the write-back record ${join(project.dir, intentFile)}`);
    await writeFile(join(project.dir, intentFile), '{"version":2}');
    await expect(recoverWriteBacks(project.dir)).rejects.toThrow(/is not a redgreen write-back record/);
  });
});
