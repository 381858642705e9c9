import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import type { FoundDiagnostic } from '../coherence/typecheck/typecheck-session.js';
import type { TypecheckWorker } from '../coherence/typecheck/typecheck-worker-client.js';
import { liveTypecheckWorkers, openTypecheckWorker } from '../coherence/typecheck/typecheck-worker-client.js';
import { combineReporters } from '../core/events.js';
import type { FileChange } from '../core/file-change.js';
import type { DebugSink } from '../debug.js';
import { setDebugSink } from '../debug.js';
import type { Sandbox } from '../workspace/sandbox.js';
import { createSandbox } from '../workspace/sandbox.js';
import type { LoopOptions, RunContext } from './run-context.js';
import type { OpenTypecheckWorker, TypeGate } from './type-gate.js';
import { createTypeGate, typeGateVerdict } from './type-gate.js';

const found = (line: number): FoundDiagnostic => ({
  diagnostic: { file: 'src/a.ts', line, column: 1, code: 2322, message: 'Type mismatch.' },
  formatted: `src/a.ts:${line}:1 - error TS2322: Type mismatch.\n> ${line} | x`,
});

describe('typeGateVerdict', () => {
  it('passes an edit that introduces no type error, whatever the project had', () => {
    expect(typeGateVerdict('strict', { introduced: [], total: 4 })).toEqual({ action: 'pass' });
  });

  it('refuses under strict, saying the tests did not run, with each error in full', () => {
    expect(typeGateVerdict('strict', { introduced: [found(3)], total: 1 })).toEqual({
      action: 'refuse',
      feedback: ['refused: the edit introduces 1 type error; its tests did not run:', found(3).formatted],
      typecheck: { mode: 'strict', testsRan: false, introduced: [found(3).diagnostic] },
    });
  });

  it('warns under warn, and counts what it does not show', () => {
    const verdict = typeGateVerdict('warn', { introduced: [1, 2, 3, 4, 5, 6, 7].map(found), total: 7 });
    expect(verdict.action).toBe('warn');
    if (verdict.action === 'pass') return;
    expect(verdict.feedback[0]).toBe('the edit introduces 7 type errors:');
    expect(verdict.feedback.slice(1, 6)).toEqual([1, 2, 3, 4, 5].map((line) => found(line).formatted));
    expect(verdict.feedback.at(-1)).toBe('… and 2 more');
    expect(verdict.typecheck).toMatchObject({ mode: 'warn', testsRan: true });
    expect(verdict.typecheck.introduced).toHaveLength(7);
  });
});

describe('createTypeGate', () => {
  const tsconfig = JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] },
  });
  const math = 'export function double(n: number): number {\n  return n * 2;\n}\n';
  let project: TempProject | undefined;
  let sandbox: Sandbox | undefined;
  let opened: TypeGate | undefined;
  const lines: string[] = [];
  let previous: DebugSink | undefined;

  beforeEach(() => {
    previous = setDebugSink((line) => lines.push(line));
  });
  afterEach(async () => {
    setDebugSink(previous);
    lines.length = 0;
    await opened?.close();
    await sandbox?.dispose();
    await project?.cleanup();
    sandbox = project = opened = undefined;
  });

  async function gateOn(
    files: Record<string, string>,
    options: Partial<LoopOptions> = {},
    open?: OpenTypecheckWorker,
  ): Promise<{ gate: TypeGate; files: Sandbox }> {
    project = await createTempProject(files);
    sandbox = await createSandbox(project.dir);
    const ctx: RunContext = {
      runId: 'gate',
      sandbox,
      runner: { name: 'unused', run: () => Promise.reject(new Error('no test runs here')) },
      denoiser: { name: 'unused', propose: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }) }) },
      reporter: combineReporters([]),
      isTestFile: (file) => file.startsWith('test/'),
      options: { maxSteps: 1, allowTestEdits: false, testTimeoutMs: 1000, formatRetries: 0, ...options },
    };
    opened = createTypeGate(ctx, open);
    return { gate: opened, files: sandbox };
  }

  async function edit(files: Sandbox, file: string, text: string): Promise<FileChange> {
    const before = await files.readFile(file);
    await files.writeFile(file, text);
    return { file, before, after: text };
  }

  it('refuses, through its worker, an edit that introduces a type error (strict), and passes one that does not', async () => {
    const { gate, files } = await gateOn({ 'tsconfig.json': tsconfig, 'src/math.ts': math });
    gate.prepare();
    await gate.ready();
    const refused = await gate.review([await edit(files, 'src/math.ts', math.replace('n * 2', "'twice'"))]);
    expect(refused.action).toBe('refuse');
    expect(refused.action === 'refuse' && refused.typecheck.introduced).toEqual([
      { file: 'src/math.ts', line: 2, column: 3, code: 2322, message: "Type 'string' is not assignable to type 'number'." },
    ]);
    expect(await gate.review([await edit(files, 'src/math.ts', math.replace('n * 2', 'n + n'))])).toEqual({ action: 'pass' });
    await gate.close();
    expect(liveTypecheckWorkers()).toBe(0);
  });

  it('warns under warn, and leaves the test files it may not edit out of the check', async () => {
    const { gate, files } = await gateOn(
      { 'tsconfig.json': tsconfig, 'src/math.ts': math, 'test/math.test.ts': 'export const t: number = "no";\n' },
      { typecheck: 'warn' },
    );
    gate.prepare();
    await gate.ready();
    const verdict = await gate.review([
      await edit(files, 'test/math.test.ts', 'export const u: number = "no";\n'),
      await edit(files, 'src/math.ts', 'export const x: number = "x";\n'),
    ]);
    expect(verdict.action === 'warn' && verdict.typecheck.introduced.map((d) => d.file)).toEqual(['src/math.ts']);
    await gate.close();
  });

  it('starts no worker for a project with no tsconfig.json, unless a jsconfig.json is asked for', async () => {
    const { gate, files } = await gateOn({ 'jsconfig.json': '{"compilerOptions":{"checkJs":true}}', 'src/math.js': 'export const x = 1;\n' });
    gate.prepare();
    await gate.ready();
    expect(liveTypecheckWorkers()).toBe(0);
    expect(await gate.review([await edit(files, 'src/math.js', 'export const x = 2;\n')])).toEqual({ action: 'pass' });
    expect(lines.join('')).toContain('off: the project has no tsconfig.json');
  });

  it('turns itself off with a debug line when its worker crashes, instead of failing the run', async () => {
    const starved: OpenTypecheckWorker = (options) =>
      openTypecheckWorker({ ...options, resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } });
    const { gate, files } = await gateOn({ 'tsconfig.json': tsconfig, 'src/math.ts': math }, {}, starved);
    gate.prepare();
    await gate.ready();
    expect(await gate.review([await edit(files, 'src/math.ts', math.replace('n * 2', "'twice'"))])).toEqual({ action: 'pass' });
    expect(lines.join('')).toMatch(/off: the type-check worker (crashed|exited)/);
    await vi.waitFor(() => expect(liveTypecheckWorkers()).toBe(0));
  });

  it('turns itself off when its worker stops between the baseline and a check', async () => {
    let worker: TypecheckWorker | undefined;
    const tracked: OpenTypecheckWorker = (options) => (worker = openTypecheckWorker(options));
    const { gate, files } = await gateOn({ 'tsconfig.json': tsconfig, 'src/math.ts': math }, {}, tracked);
    gate.prepare();
    await gate.ready();
    await worker?.close();
    expect(await gate.review([await edit(files, 'src/math.ts', math.replace('n * 2', "'twice'"))])).toEqual({ action: 'pass' });
    expect(lines.join('')).toContain('off: the type check was closed');
    expect(await gate.review([await edit(files, 'src/math.ts', math.replace('n * 2', "'thrice'"))])).toEqual({ action: 'pass' });
  });
});
