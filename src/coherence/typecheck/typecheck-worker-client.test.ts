import { afterEach, describe, expect, it } from 'vitest';
import type { TempProject } from '../../../test/helpers/temp-project.js';
import { createTempProject } from '../../../test/helpers/temp-project.js';
import type { TypecheckWorker } from './typecheck-worker-client.js';
import { liveTypecheckWorkers, openTypecheckWorker } from './typecheck-worker-client.js';
import { openTypecheckSession } from './typecheck-session.js';

const projects: TempProject[] = [];
const workers: TypecheckWorker[] = [];

async function project(files: Record<string, string>): Promise<string> {
  const created = await createTempProject(files, 'redgreen-typecheck-worker-');
  projects.push(created);
  return created.dir;
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  await projects.find((created) => created.dir === dir)?.write(files);
}

function open(...args: Parameters<typeof openTypecheckWorker>): TypecheckWorker {
  const worker = openTypecheckWorker(...args);
  workers.push(worker);
  return worker;
}

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] },
});
const math = 'export function double(n: number): number {\n  return n * 2;\n}\n';
const old = 'export const broken: number = "old";\nexport const worse: string = 2;\n';

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close()));
  await Promise.all(projects.splice(0).map((created) => created.cleanup()));
});

describe('openTypecheckWorker', () => {
  it('reports the baseline errors the in-process session reports, and the same errors an edit introduces', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math, 'src/old.ts': old });
    const opened = openTypecheckSession({ root: dir });
    if (opened.status !== 'on') throw new Error(opened.reason);
    const worker = open({ root: dir });
    const baseline = await worker.baseline;
    if (baseline.status !== 'on') throw new Error(baseline.reason);
    expect(baseline.baseline).toHaveLength(2);
    expect(baseline.baseline).toEqual(opened.session.baseline);
    expect(baseline.configFile).toBe('tsconfig.json');

    await write(dir, { 'src/math.ts': math.replace('return n * 2;', "return 'twice';") });
    const inProcess = opened.session.check(['src/math.ts']);
    const result = await worker.check(['src/math.ts']);
    expect(result).toEqual(inProcess);
    expect(result.introduced.map((f) => `${f.diagnostic.file}:${f.diagnostic.line} TS${f.diagnostic.code}`)).toEqual(['src/math.ts:2 TS2322']);
  });

  it('leaves out the files it is told to skip, at opening and when a check names them', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math, 'test/a.test.ts': 'export const a: number = "a";\n' });
    const worker = open({ root: dir, skipped: ['test/a.test.ts'] });
    expect(await worker.baseline).toMatchObject({ status: 'on', baseline: [] });
    await write(dir, { 'test/b.test.ts': 'export const b: number = "b";\n', 'src/extra.ts': 'export const c: number = "c";\n' });
    const result = await worker.check(['test/b.test.ts', 'src/extra.ts'], ['test/b.test.ts']);
    expect(result.introduced.map((f) => f.diagnostic.file)).toEqual(['src/extra.ts']);
  });

  it('is off, saying why, for a project with no config to check with; a check then rejects', async () => {
    const dir = await project({ 'src/math.ts': math });
    const worker = open({ root: dir });
    expect(await worker.baseline).toEqual({ status: 'off', reason: 'the project has no tsconfig.json or jsconfig.json' });
    await expect(worker.check(['src/math.ts'])).rejects.toThrow('no tsconfig.json');
  });

  it('reports a worker that crashes as a stopped check, not a crash of its caller, and counts it gone', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math });
    const before = liveTypecheckWorkers();
    // Far too little heap for the compiler: the worker dies of it.
    const worker = open({ root: dir, resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } });
    const baseline = await worker.baseline;
    expect(baseline.status).toBe('off');
    expect(baseline.status === 'off' && baseline.reason).toMatch(/^the type-check worker (crashed|exited)/);
    await expect(worker.check(['src/math.ts'])).rejects.toThrow(/type-check worker/);
    await worker.close();
    expect(liveTypecheckWorkers()).toBe(before);
  });

  it('terminates on close, even in the middle of its baseline: the baseline settles off and nothing stays running', async () => {
    const dir = await project({ 'tsconfig.json': tsconfig, 'src/math.ts': math });
    const before = liveTypecheckWorkers();
    const worker = open({ root: dir });
    expect(liveTypecheckWorkers()).toBe(before + 1);
    await worker.close();
    expect(liveTypecheckWorkers()).toBe(before);
    expect(await worker.baseline).toEqual({ status: 'off', reason: 'the type check was closed' });
    await expect(worker.check(['src/math.ts'])).rejects.toThrow('the type check was closed');
    await worker.close();
    expect(liveTypecheckWorkers()).toBe(before);
  });
});
