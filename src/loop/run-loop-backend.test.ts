import { describe, expect, it } from 'vitest';
import { aResult } from '../../test/helpers/factories.js';
import type { Denoiser } from '../core/denoiser.js';
import { ProviderError } from '../core/errors.js';
import { combineReporters } from '../core/events.js';
import type { TestRunner } from '../core/test-runner.js';
import type { RunContext, SandboxFiles } from './run-context.js';
import { runLoop } from './run-loop.js';

const sandbox: SandboxFiles = {
  root: '/sandbox',
  listFiles: async () => ['src/a.ts', 'test/a.test.ts'],
  readFile: async () => 'export const a = 0;\n',
  writeFile: async () => undefined,
  deleteFile: async () => undefined,
};

const redRunner: TestRunner = {
  name: 'fake',
  run: async () => ({ status: 'complete', runner: 'fake', results: [aResult('one', 'failed')], durationMs: 1, output: '', exit: { code: 1, signal: null } }),
};

/** A denoiser whose every proposal fails with `error`, counting the calls. */
function failing(error: (call: number) => unknown): Denoiser & { calls: number } {
  const denoiser = {
    name: 'openai:m',
    calls: 0,
    // eslint-disable-next-line require-yield -- fails before its first proposal, as a back end that is down does
    async *propose() {
      denoiser.calls++;
      throw error(denoiser.calls);
    },
  };
  return denoiser;
}

function context(denoiser: Denoiser, signal?: AbortSignal): RunContext {
  return {
    runId: 'test-run',
    sandbox,
    runner: redRunner,
    denoiser,
    reporter: combineReporters([]),
    isTestFile: (file) => file.startsWith('test/'),
    ...(signal ? { signal } : {}),
    // In-memory sandboxes: nothing on disk for scaffolding to read.
    options: { maxSteps: 5, allowTestEdits: false, testTimeoutMs: 1000, formatRetries: 0, scaffold: false },
  };
}

describe('runLoop when the model back end fails', () => {
  it.each([
    [
      'never answered',
      new ProviderError('the model server at http://127.0.0.1:1/v1 did not answer within 30 s (2 attempts)', {
        retryable: true,
        failure: 'timeout',
        attempts: 2,
      }),
    ],
    ['was unreachable', new ProviderError('cannot reach http://127.0.0.1:1/v1/chat/completions (4 attempts)', { retryable: true, failure: 'unreachable' })],
    ['stayed overloaded', new ProviderError('server error (503) (4 attempts)', { status: 503, retryable: true })],
    ['sent a reply past the size limit', new ProviderError("the model server's reply passed the 8 MB limit", { retryable: false, failure: 'too-large' })],
  ])('ends the run with the failure at once when the server %s, not "nothing more to propose"', async (_name, failure) => {
    const denoiser = failing(() => failure);
    const result = await runLoop(context(denoiser));
    expect(result).toMatchObject({ status: 'red', stopReason: 'backend', backendError: failure.message });
    expect(result.exhaustedReason).toBeUndefined();
    expect(denoiser.calls).toBe(1);
  });

  it('keeps what the steps before the failure achieved, so the partial fix can be saved', async () => {
    let fixed = false;
    const files: SandboxFiles = {
      ...sandbox,
      writeFile: async () => void (fixed = true),
      readFile: async () => (fixed ? 'export const a = 1;\n' : 'export const a = 0;\n'),
    };
    const runner: TestRunner = {
      name: 'fake',
      run: async () => ({
        status: 'complete',
        runner: 'fake',
        results: [aResult('one', fixed ? 'passed' : 'failed'), aResult('two', 'failed')],
        durationMs: 1,
        output: '',
        exit: { code: 1, signal: null },
      }),
    };
    let calls = 0;
    const denoiser: Denoiser = {
      name: 'openai:m',
      async *propose() {
        calls++;
        if (calls > 1)
          throw new ProviderError('the model server at http://127.0.0.1:1/v1 did not answer within 30 s (2 attempts)', {
            retryable: true,
            failure: 'timeout',
            attempts: 2,
          });
        yield { kind: 'edits', denoiser: 'openai:m', reasoning: 'fix a', edits: [{ kind: 'rewrite', file: 'src/a.ts', content: 'export const a = 1;\n' }] };
      },
    };
    const result = await runLoop({ ...context(denoiser), sandbox: files, runner, options: { ...context(denoiser).options, flakyReruns: 0 } });
    expect(result).toMatchObject({ status: 'red', stopReason: 'backend' });
    expect(result.changes.map((change) => change.file)).toEqual(['src/a.ts']);
    expect(result.final.passed).toBe(1);
  });

  it('counts a reply that could not be read as a failed step and goes on', async () => {
    const denoiser = failing(() => new ProviderError('truncated stream: the server closed it before data: [DONE]', { retryable: true }));
    const result = await runLoop(context(denoiser));
    expect(result.status).toBe('red');
    expect(result.attempts.map((attempt) => attempt.outcome)).toEqual(['error', 'error']);
  });

  it('stops as interrupted when Ctrl-C cut the request off', async () => {
    const controller = new AbortController();
    const denoiser = failing(() => {
      controller.abort();
      return new ProviderError('the request was aborted', { retryable: false });
    });
    const result = await runLoop(context(denoiser, controller.signal));
    expect(result.stopReason).toBe('interrupted');
  });
});
