import { afterEach, describe, expect, it, vi } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import type { TempProject } from '../../test/helpers/temp-project.js';
import { createTempProject } from '../../test/helpers/temp-project.js';
import { liveTypecheckWorkers } from '../coherence/typecheck/typecheck-worker-client.js';
import type { Proposal } from '../core/attempts.js';
import type { Denoiser } from '../core/denoiser.js';
import { combineReporters } from '../core/events.js';
import type { TestReport } from '../core/test-report.js';
import type { TestRunner } from '../core/test-runner.js';
import { setDebugSink } from '../debug.js';
import type { Sandbox } from '../workspace/sandbox.js';
import { createSandbox } from '../workspace/sandbox.js';
import type { RunContext } from './run-context.js';
import { runLoop } from './run-loop.js';

/** The type gate's worker over whole runs: started beside the baseline, never left running when the run ends. */

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] },
});
const buggy = 'export function double(n: number): number {\n  return n + 2;\n}\n';
/** Still wrong, and no longer type-checks. */
const mistyped = "export function double(n: number): number {\n  return 'twice';\n}\n";
/** Type-checks, and is still wrong. */
const stillWrong = 'export function double(n: number): number {\n  return n + 3;\n}\n';

let project: TempProject | undefined;
let sandbox: Sandbox | undefined;

afterEach(async () => {
  await sandbox?.dispose();
  await project?.cleanup();
  sandbox = project = undefined;
});

async function setUp(source: string): Promise<Sandbox> {
  project = await createTempProject({ 'tsconfig.json': tsconfig, 'src/double.ts': source, 'test/double.test.ts': 'export {};\n' });
  sandbox = await createSandbox(project.dir);
  return sandbox;
}

interface Observed {
  /** Live type-check workers seen by each test run, in order (the baseline run's once a worker has started). */
  readonly live: number[];
}

/** A runner whose one test passes when `src/double.ts` doubles; it notes how many type-check workers run beside it. */
function doublingRunner(files: Sandbox, observed: Observed): TestRunner {
  return {
    name: 'fake',
    async run(): Promise<TestReport> {
      // The baseline run is where the worker's baseline overlaps: wait until it has started, as a real run takes seconds.
      if (observed.live.length === 0) await vi.waitFor(() => expect(liveTypecheckWorkers()).toBe(1), { timeout: 10_000 });
      observed.live.push(liveTypecheckWorkers());
      const passed = ((await files.readFile('src/double.ts')) ?? '').includes('n * 2');
      return {
        status: 'complete',
        runner: 'fake',
        results: [aResult('doubles', passed ? 'passed' : 'failed')],
        durationMs: 1,
        output: '',
        exit: { code: passed ? 0 : 1, signal: null },
      };
    },
  };
}

/** Proposes `texts` in turn, within one step: a refused proposal is followed by the next as a retry. */
function rewrites(texts: readonly string[]): Denoiser {
  return {
    name: 'scripted:test',
    async *propose(): AsyncIterable<Proposal> {
      for (const content of texts)
        yield { kind: 'edits', edits: [{ kind: 'rewrite', file: 'src/double.ts', content }], reasoning: 'edit', denoiser: 'scripted:test' };
    },
  };
}

function context(files: Sandbox, runner: TestRunner, denoiser: Denoiser, maxSteps: number): RunContext {
  return {
    runId: 'type-gate-run',
    sandbox: files,
    runner,
    denoiser,
    reporter: combineReporters([]),
    isTestFile: (file) => file.startsWith('test/'),
    options: { maxSteps, allowTestEdits: false, testTimeoutMs: 10_000, formatRetries: 1, scaffold: false, flakyReruns: 0 },
  };
}

describe('the type gate in a run', () => {
  it('starts its worker beside the baseline and ends it before anything else when the baseline is green', async () => {
    const files = await setUp('export function double(n: number): number {\n  return n * 2;\n}\n');
    const observed: Observed = { live: [] };
    const result = await runLoop(context(files, doublingRunner(files, observed), rewrites([]), 3));
    expect(result.status).toBe('already-green');
    // baseline, then the confirmation of the green baseline: by then the worker is gone
    expect(observed.live).toEqual([1, 0]);
    expect(liveTypecheckWorkers()).toBe(0);
  });

  it('refuses an edit that introduces a type error through the worker, and ends the worker when the budget is spent', async () => {
    const files = await setUp(buggy);
    const observed: Observed = { live: [] };
    const lines: string[] = [];
    const previous = setDebugSink((line) => lines.push(line));
    try {
      const result = await runLoop(context(files, doublingRunner(files, observed), rewrites([mistyped, stillWrong]), 1));
      expect(result.status).toBe('red');
      expect(result.stopReason).toBe('budget');
      expect(result.attempts.map((a) => a.outcome)).toEqual(['refused', 'no-improvement']);
      expect(result.attempts[0]?.typecheck).toMatchObject({ mode: 'strict', testsRan: false, introduced: [{ file: 'src/double.ts', line: 2, code: 2322 }] });
      // the refused edit was never test-run: baseline, then the second edit's run, with the worker alive throughout
      expect(observed.live).toEqual([1, 1]);
      expect(liveTypecheckWorkers()).toBe(0);
      expect(lines.some((line) => line.includes('typecheck baseline') && line.includes('in a worker'))).toBe(true);
    } finally {
      setDebugSink(previous);
    }
  });

  it('ends the worker when the run is interrupted', async () => {
    const files = await setUp(buggy);
    const observed: Observed = { live: [] };
    const abort = new AbortController();
    const interrupting: Denoiser = {
      name: 'scripted:test',
      async *propose(): AsyncIterable<Proposal> {
        abort.abort();
        yield { kind: 'edits', edits: [{ kind: 'rewrite', file: 'src/double.ts', content: stillWrong }], reasoning: 'edit', denoiser: 'scripted:test' };
      },
    };
    const result = await runLoop({ ...context(files, doublingRunner(files, observed), interrupting, 3), signal: abort.signal });
    expect(result.stopReason).toBe('interrupted');
    expect(liveTypecheckWorkers()).toBe(0);
  });
});
