import { describe, expect, it } from 'vitest';
import type { TestRunner } from '../../core/test-runner.js';
import type { TestId } from '../../core/test-report.js';
import type { CandidateRun, CandidateRunRequest, WarmSession } from '../../core/warm-session.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import { createValidationSession, hasValidationSession } from './validation-session.js';

const file = 'src/sub.ts';
const original = 'export function sub(a: number, b: number): number {\n  return a + b;\n}\n';
const tests: TestId[] = [{ file: 'test/sub.test.ts', name: 'sub > subtracts' }];

function candidate(id: number, text: string): Candidate {
  const start = original.indexOf('a + b');
  return { id, changes: [{ file, start, end: start + 'a + b'.length, text, node: 'expression' }], operator: 'test', description: text, score: 1 };
}

/** A warm session in memory: candidate `fixed` passes, every other one fails; what was loaded is kept. */
function fakeSession(fixed: number) {
  const loads: ReadonlyMap<string, string>[] = [];
  const session: WarmSession = {
    root: '/nowhere',
    readOriginal: async (path) => (path === file ? original : undefined),
    load: async (files) => void loads.push(files),
    run: async () => ({ status: 'timeout', durationMs: 0 }),
    runBatch: async (requests: readonly CandidateRunRequest[]) =>
      new Map<number, CandidateRun>(
        requests.map((request) => [
          request.active,
          {
            status: 'complete',
            errors: [],
            durationMs: 1,
            results: request.tests.map((id) =>
              request.active === fixed
                ? { id, status: 'passed', durationMs: 1 }
                : { id, status: 'failed', durationMs: 1, failure: { message: 'expected 1 to be 3', frames: [], output: '' } },
            ),
          },
        ]),
      ),
    coverage: async ({ sites }) => ({ sites, tests: [] }),
    dispose: async () => undefined,
  };
  return { session, loads };
}

function runnerWith(name: string, warm?: WarmSession): TestRunner {
  return {
    name,
    run: async () => {
      throw new Error('the engine must not spawn a run when the runner validates warm');
    },
    ...(warm ? { warmSession: { supports: () => true, start: async () => warm } } : {}),
  };
}

describe('validation on a runner capability', () => {
  it('asks the runner for a warm session, not for its name', () => {
    expect(hasValidationSession(runnerWith('vitest'), '/project')).toBe(false);
    expect(hasValidationSession(runnerWith('my-runner', fakeSession(1).session), '/project')).toBe(true);
  });

  it('validates candidates through any runner that offers the port: schemata loaded once, a verdict per candidate', async () => {
    const { session, loads } = fakeSession(2);
    const validation = await createValidationSession(runnerWith('my-runner', session), {
      projectDir: '/project',
      testTimeoutMs: 1000,
      candidateTimeoutMs: 1000,
    });
    const verdicts: CandidateVerdict[] = [];
    for await (const verdict of validation.validate([candidate(1, 'a * b'), candidate(2, 'a - b')], () => tests)) verdicts.push(verdict);
    expect(verdicts.map((verdict) => [verdict.candidate, verdict.status])).toEqual([
      [1, 'failed'],
      [2, 'plausible'],
    ]);
    // one schemata text holds both candidates, and the working copy goes back to the original at the end
    const schemata = loads[0]?.get(file) ?? '';
    expect(schemata).toContain('a * b');
    expect(schemata).toContain('a - b');
    expect(loads.at(-1)?.size).toBe(0);
  });

  it('says which runner has no warm session when asked to start one', async () => {
    await expect(createValidationSession(runnerWith('node-test'), { projectDir: '/p', testTimeoutMs: 1, candidateTimeoutMs: 1 })).rejects.toThrow(
      'the node-test runner has no warm session',
    );
  });
});
