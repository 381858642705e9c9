import { describe, expect, it } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import type { DenoiseContext, Denoiser } from '../core/denoiser.js';
import { combineReporters } from '../core/events.js';
import type { RunOptions, TestRunner } from '../core/test-runner.js';
import type { TestReport, TestResult } from '../core/test-report.js';
import { loadFailureId, runFailureId } from '../core/test-report.js';
import type { RunContext, SandboxFiles } from './run-context.js';
import { runLoop } from './run-loop.js';
import type { Proposal } from '../core/attempts.js';

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
    // In-memory sandboxes: nothing on disk for scaffolding to read.
    options: { maxSteps: 3, allowTestEdits: false, testTimeoutMs: 1000, formatRetries: 0, scaffold: false },
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
    // baseline + 2 re-runs of its failing tests; per step: subset, full, 2 re-runs of the test turned green; confirmation
    expect(runner.runs.map((r) => r.tests?.map((t) => t.name).join('+') ?? 'all')).toEqual([
      'all',
      'one+two',
      'one+two',
      'one+two',
      'all',
      'one',
      'one',
      'two',
      'all',
      'two',
      'two',
      'all',
    ]);
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
    expect(result.failures).toEqual([
      { id: runFailureId, message: expect.stringContaining("the runner's own command still fails: the runner's own command exits with code 1") },
    ]);
  });

  it('is not already green when a test file does not load, and counts loading it as progress', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'missing', 'test/a.test.ts': '' });
    const runner = fakeRunner(sandbox, (code) => ({
      results:
        code === 'missing'
          ? [
              aResult('other'),
              { id: loadFailureId('test/b.test.ts'), status: 'failed', durationMs: 0, failure: { message: 'Cannot find module', frames: [], output: '' } },
            ]
          : [aResult('other'), aResult('b1', code === 'stub' ? 'failed' : 'passed', 'test/b.test.ts')],
    }));
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['stub', 'done'])));
    expect(result.baseline).toEqual({ passed: 1, failed: 1, total: 2 });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['improved', 'green']);
    expect(result.status).toBe('green');
  });
});

/** A denoiser that rewrites `src/a.ts` with the next text and records the noise and mode each step was asked at. */
function recordingDenoiser(texts: readonly string[]): Denoiser & { seen: { noise?: number; mode: string }[] } {
  const seen: { noise?: number; mode: string }[] = [];
  let next = 0;
  return {
    name: 'scripted:test',
    seen,
    async *propose(context: DenoiseContext): AsyncIterable<Proposal> {
      seen.push({ ...(context.noise === undefined ? {} : { noise: context.noise }), mode: context.suggestedMode });
      const content = texts[next++];
      if (content === undefined) return;
      yield { kind: 'edits', edits: [{ kind: 'rewrite', file: 'src/a.ts', content }], reasoning: `edit ${next}`, denoiser: 'scripted:test' };
    },
  };
}

describe('runLoop under a noise schedule', () => {
  /** Tests one…four: `export const a = N;` passes the first N. */
  const countingRunner = (sandbox: SandboxFiles) =>
    fakeRunner(sandbox, (code) => {
      const n = Number(/a = (\d+)/.exec(code)?.[1] ?? 0);
      return { results: ['one', 'two', 'three', 'four'].map((name, i) => aResult(name, i < n ? 'passed' : 'failed')) };
    });

  it('lowers the noise step by step under linear, the mode following it, and records noise and reward per attempt', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'test/a.test.ts': '' });
    const denoiser = recordingDenoiser([1, 2, 3, 4].map((n) => `export const a = ${n};\n`));
    const base = context(sandbox, countingRunner(sandbox), denoiser);
    const result = await runLoop({ ...base, options: { ...base.options, maxSteps: 4, schedule: { kind: 'linear' } } });
    expect(result.status).toBe('green');
    expect(denoiser.seen).toEqual([
      { noise: 1, mode: 'rewrite' },
      { noise: 0.75, mode: 'rewrite' },
      { noise: 0.5, mode: 'patch' },
      { noise: 0.25, mode: 'update' },
    ]);
    expect(result.attempts.map((a) => a.noise)).toEqual([1, 0.75, 0.5, 0.25]);
    // N tests passing, less two changed lines at a hundredth each.
    expect(result.attempts.map((a) => a.reward)).toEqual([0.98, 1.98, 2.98, 3.98]);
    expect(result.stallRestarts).toBe(0);
  });

  it('raises the noise from the best state when no better state comes for stallSteps steps', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 1;\n', 'test/a.test.ts': '' });
    const denoiser = recordingDenoiser(['export const a = 0;\n', 'export const a = 1; // same\n', 'export const a = 1; // still\n', 'export const a = 4;\n']);
    const steps: { step: number; noise?: number; restarted?: boolean }[] = [];
    const base = context(sandbox, countingRunner(sandbox), denoiser);
    const result = await runLoop({
      ...base,
      reporter: combineReporters([{ onStepStart: ({ step, noise, restarted }) => void steps.push({ step, noise, ...(restarted ? { restarted } : {}) }) }]),
      options: { ...base.options, maxSteps: 5, schedule: { kind: 'levels', levels: [0.5, 0.2] } },
    });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['regressed', 'no-improvement', 'no-improvement', 'green']);
    // Steps 1 and 2 find nothing better: step 3 restarts at the schedule's top; steps 3 and 4 again: step 5 would too.
    expect(steps).toEqual([
      { step: 1, noise: 0.5 },
      { step: 2, noise: 0.2 },
      { step: 3, noise: 0.5, restarted: true },
      { step: 4, noise: 0.2 },
    ]);
    expect(denoiser.seen.map((s) => s.mode)).toEqual(['patch', 'update', 'patch', 'update']);
    // A regression costs the lost pass and as much again; reverted attempts leave the best state's reward at 1.
    expect(result.attempts.map((a) => a.reward)).toEqual([-1.02, 0.98, 0.98, 3.98]);
    expect(result.stallRestarts).toBe(1);
    expect(result.status).toBe('green');
  });

  it('without a schedule keeps the plain escalation and gives no noise', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'export const a = 0;\n', 'test/a.test.ts': '' });
    const denoiser = recordingDenoiser(['export const a = 0; // no\n', 'export const a = 0; // no\n', 'export const a = 4;\n']);
    const result = await runLoop(context(sandbox, countingRunner(sandbox), denoiser));
    expect(denoiser.seen).toEqual([{ mode: 'update' }, { mode: 'update' }, { mode: 'rewrite' }]);
    expect(result.attempts.every((a) => a.noise === undefined && a.reward !== undefined)).toBe(true);
    expect(result.stallRestarts).toBeUndefined();
  });
});

/**
 * A runner over fixed tests whose outcome is a function of the sandbox's `src/a.ts` and of how many times that
 * test has run so far (1 for its first run): flaky tests on a schedule. Honours `tests` as a real runner does.
 */
function scheduledRunner(
  sandbox: SandboxFiles,
  names: readonly string[],
  outcome: (name: string, code: string, nth: number) => boolean,
): TestRunner & { runs: RunOptions[]; count: (name: string) => number } {
  const runs: RunOptions[] = [];
  const counts = new Map<string, number>();
  return {
    name: 'fake',
    runs,
    count: (name) => counts.get(name) ?? 0,
    async run(_cwd, options): Promise<TestReport> {
      runs.push(options);
      const code = (await sandbox.readFile('src/a.ts')) ?? '';
      const wanted = options.tests?.map((t) => t.name);
      const results = names
        .filter((name) => wanted === undefined || wanted.includes(name))
        .map((name) => {
          const nth = (counts.get(name) ?? 0) + 1;
          counts.set(name, nth);
          return aResult(name, outcome(name, code, nth) ? 'passed' : 'failed');
        });
      const exit = { code: results.some((r) => r.status === 'failed') ? 1 : 0, signal: null };
      return { status: 'complete', runner: 'fake', results, durationMs: 1, output: '', exit };
    },
  };
}

const flakyId = { file: 'test/a.test.ts', name: 'flaky' };

describe('runLoop with a flaky test', () => {
  it('stops red and changes nothing when the only failing test is flaky', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'fixed', 'test/a.test.ts': '' });
    // `flaky` fails on odd runs: the baseline sees it fail, its first re-run sees it pass.
    const runner = scheduledRunner(sandbox, ['one', 'flaky'], (name, _code, nth) => name !== 'flaky' || nth % 2 === 0);
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['pointless'])));
    expect(result).toMatchObject({ status: 'red', stopReason: 'flaky', attempts: [], changes: [], failures: [] });
    expect(result.flaky).toEqual([{ id: flakyId, runs: 2, passed: 1, step: 0 }]);
    expect(await sandbox.readFile('src/a.ts')).toBe('fixed');
  });

  it('keeps a real fix beside a test found flaky at the baseline, which decides nothing', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'bug', 'test/a.test.ts': '' });
    const runner = scheduledRunner(sandbox, ['one', 'two', 'flaky'], (name, code, nth) =>
      name === 'flaky' ? nth % 2 === 0 : name === 'two' || code === 'fix',
    );
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['fix'])));
    expect(result).toMatchObject({
      status: 'green',
      stopReason: 'green',
      baseline: { passed: 1, failed: 1, total: 2 },
      final: { passed: 2, failed: 0, total: 2 },
    });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['green']);
    expect(result.changes).toEqual([{ file: 'src/a.ts', before: 'bug', after: 'fix' }]);
    expect(result.flaky).toEqual([{ id: flakyId, runs: 2, passed: 1, step: 0 }]);
    // the flaky test ran in the baseline, its first re-run (then settled), the step's full run and the confirmation
    expect(runner.count('flaky')).toBe(4);
  });

  it('does not revert a correct fix when a passing flaky test fails under it', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'bug', 'test/a.test.ts': '' });
    // `flaky` passes at the baseline and fails only on its second run: the candidate's full run.
    const runner = scheduledRunner(sandbox, ['one', 'flaky'], (name, code, nth) => (name === 'flaky' ? nth !== 2 : code === 'fix'));
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['fix'])));
    expect(result).toMatchObject({ status: 'green', stopReason: 'green' });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['green']);
    expect(result.changes).toEqual([{ file: 'src/a.ts', before: 'bug', after: 'fix' }]);
    expect(result.flaky).toEqual([{ id: flakyId, runs: 2, passed: 1, step: 1 }]);
    // Only the tests that flipped re-run; the flaky one leaves the re-runs once it passed.
    const names = runner.runs.map((r) => r.tests?.map((t) => t.name).join('+') ?? 'all');
    expect(names).toEqual(['all', 'one', 'one', 'one', 'all', 'one+flaky', 'one', 'all']);
  });

  it('still reverts a change that breaks a passing test on every re-run', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'bug', 'test/a.test.ts': '' });
    const runner = scheduledRunner(sandbox, ['one', 'two'], (name, code) => (name === 'one' ? code !== 'bug' : code !== 'breaks'));
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['breaks'])));
    expect(result.attempts.map((a) => a.outcome)).toEqual(['regressed']);
    expect(result).toMatchObject({ status: 'red', changes: [], flaky: [] });
    expect(await sandbox.readFile('src/a.ts')).toBe('bug');
  });

  it('gives no credit, and no green, to an edit that only "fixes" a flaky test the baseline did not catch', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'fixed', 'test/a.test.ts': '' });
    // Fails the baseline and both re-runs, passes the pointless edit's subset and full runs, fails its re-run.
    const runner = scheduledRunner(sandbox, ['one', 'flaky'], (name, _code, nth) => name !== 'flaky' || nth === 4 || nth === 5);
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['pointless'])));
    expect(result).toMatchObject({ status: 'red', stopReason: 'flaky', changes: [] });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['no-improvement']);
    expect(result.attempts[0]?.feedback).toEqual(['reverted: the only failing tests it seemed to fix are flaky']);
    expect(result.flaky).toEqual([{ id: flakyId, runs: 2, passed: 1, step: 1 }]);
    expect(await sandbox.readFile('src/a.ts')).toBe('fixed');
  });

  it('ends red, keeping the fix for a patch, when the confirmation fails only on a flaky test', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'bug', 'test/a.test.ts': '' });
    // Fails the baseline, passes its re-run (flaky), fails the step's full run and the confirmation.
    const runner = scheduledRunner(sandbox, ['one', 'flaky'], (name, code, nth) => (name === 'flaky' ? nth === 2 : code === 'fix'));
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser(['fix'])));
    expect(result).toMatchObject({ status: 'red', stopReason: 'flaky', failures: [] });
    expect(result.changes).toEqual([{ file: 'src/a.ts', before: 'bug', after: 'fix' }]);
    expect(result.attempts[0]?.feedback).toEqual(["not green: the project's own test command fails only on flaky test(s): test/a.test.ts > flaky"]);
    expect(runner.runs.at(-1)?.tests).toBeUndefined();
  });

  it('is not already green when the confirmation of a passing suite fails on a flaky test', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'fine', 'test/a.test.ts': '' });
    const runner = scheduledRunner(sandbox, ['one', 'flaky'], (name, _code, nth) => name !== 'flaky' || nth === 1);
    const result = await runLoop(context(sandbox, runner, scriptedDenoiser([])));
    expect(result).toMatchObject({ status: 'red', stopReason: 'flaky', attempts: [] });
    expect(result.flaky).toEqual([{ id: flakyId, runs: 2, passed: 1, step: 0 }]);
  });

  it('tells the reporters which tests are flaky, baseline ones before the baseline', async () => {
    const sandbox = memorySandbox({ 'src/a.ts': 'fixed', 'test/a.test.ts': '' });
    const runner = scheduledRunner(sandbox, ['one', 'flaky'], (name, _code, nth) => name !== 'flaky' || nth % 2 === 0);
    const events: string[] = [];
    const reporter = combineReporters([
      { onFlaky: ({ tests }) => void events.push(`flaky ${tests.map((t) => t.id.name).join()}`), onBaseline: () => void events.push('baseline') },
    ]);
    await runLoop({ ...context(sandbox, runner, scriptedDenoiser([])), reporter });
    expect(events).toEqual(['flaky flaky', 'baseline']);
  });
});
