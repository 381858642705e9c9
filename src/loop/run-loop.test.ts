import { describe, expect, it } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import type { DenoiseContext, Denoiser } from '../denoise/denoiser.js';
import { combineReporters } from '../events.js';
import type { RunOptions, TestRunner } from '../runner/test-runner.js';
import type { TestReport, TestResult } from '../runner/types.js';
import { loadFailureId, runFailureId } from '../runner/types.js';
import type { RunContext, SandboxFiles } from './run-context.js';
import { runLoop } from './run-loop.js';
import type { Proposal } from './types.js';

/** An in-memory sandbox. */
function memorySandbox(files: Record<string, string>): SandboxFiles {
  const texts = new Map(Object.entries(files));
  return {
    root: '/sandbox',
    listFiles: async () => [...texts.keys()].sort(),
    readFile: async (file) => texts.get(file),
    writeFile: async (file, text) => void texts.set(file, text),
    deleteFile: async (file) => void texts.delete(file),
  };
}

/**
 * A runner whose results are a function of the sandbox's `src/a.ts`: the loop sees the tests move as the
 * fake denoiser edits that file. `exitCode` lets a test make the framework disagree with its own results.
 */
function fakeRunner(sandbox: SandboxFiles, results: (code: string) => { results: TestResult[]; exitCode?: number }): TestRunner & { runs: RunOptions[] } {
  const runs: RunOptions[] = [];
  return {
    name: 'fake',
    runs,
    async run(_cwd, options): Promise<TestReport> {
      runs.push(options);
      const state = results((await sandbox.readFile('src/a.ts')) ?? '');
      const exit = { code: state.exitCode ?? (state.results.some((r) => r.status !== 'passed' && r.status !== 'skipped') ? 1 : 0), signal: null };
      return { status: 'complete', runner: 'fake', results: state.results, durationMs: 1, output: '', exit };
    },
  };
}

function scriptedDenoiser(texts: readonly string[]): Denoiser {
  let next = 0;
  return {
    name: 'scripted:test',
    async *propose(_context: DenoiseContext): AsyncIterable<Proposal> {
      const content = texts[next++];
      if (content === undefined) return;
      yield { kind: 'edits', edits: [{ kind: 'rewrite', file: 'src/a.ts', content }], reasoning: `edit ${next}`, denoiser: 'scripted:test' };
    },
  };
}

function context(sandbox: SandboxFiles, runner: TestRunner, denoiser: Denoiser): RunContext {
  return {
    runId: 'test-run',
    sandbox,
    runner,
    denoiser,
    reporter: combineReporters([]),
    isTestFile: (file) => file.startsWith('test/'),
    options: { maxSteps: 3, allowTestEdits: false, testTimeoutMs: 1000, formatRetries: 0 },
  };
}

describe('runLoop', () => {
  it('goes green step by step, keeping improvements and confirming the green state with a fresh run', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'test/a.test.ts': '' });
    const runner = fakeRunner(sandbox, (code) => ({
      results: [aResult('one', code.includes('1') || code.includes('2') ? 'passed' : 'failed'), aResult('two', code.includes('2') ? 'passed' : 'failed')],
    }));
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['export const a = 1;\n', 'export const a = 2;\n'])));
    expect(result.status).toBe('green');
    expect(result.attempts.map((a) => a.outcome)).toEqual(['improved', 'green']);
    expect(result.changes).toEqual([{ file: 'src/a.ts', before: 'export const a = 0;\n', after: 'export const a = 2;\n' }]);
    // baseline, step 1 (subset + full), step 2 (subset + full) and the confirmation run
    expect(runner.runs).toHaveLength(6);
  });

  it('never says green when the runner itself disagrees (an early exit with every reported test passing)', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'broken', 'test/a.test.ts': '' });
    let runs = 0;
    const runner = fakeRunner(sandbox, (code) => {
      runs += 1;
      if (code === 'broken') return { results: [aResult('one', 'failed')] };
      // the candidate's code passes the test when checked, but the confirmation run exits non-zero
      return { results: [aResult('one')], exitCode: runs >= 4 ? 1 : 0 };
    });
    // (the fake runner only sees that the code changed: a real `process.exit(0)` would be refused before any run)
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['endsTheRunEarly();'])));
    expect(result.status).toBe('red');
    expect(result.failures).toEqual([{ id: runFailureId, message: expect.stringContaining("the runner's own command still fails: the runner's own command exits with code 1") }]);
  });

  it('is not already green when a test file does not load, and counts loading it as progress', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'missing', 'test/a.test.ts': '' });
    const runner = fakeRunner(sandbox, (code) => ({
      results:
        code === 'missing'
          ? [aResult('other'), { id: loadFailureId('test/b.test.ts'), status: 'failed', durationMs: 0, failure: { message: 'Cannot find module', frames: [], output: '' } }]
          : [aResult('other'), aResult('b1', code === 'stub' ? 'failed' : 'passed', 'test/b.test.ts')],
    }));
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['stub', 'done'])));
    expect(result.baseline).toEqual({ passed: 1, failed: 1, total: 2 });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['improved', 'green']);
    expect(result.status).toBe('green');
  });
});
