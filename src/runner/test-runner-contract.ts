import { realpath } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRunner } from '../core/test-runner.js';
import { defaultCapabilities } from '../core/test-runner.js';
import type { TestId, TestReport } from '../core/test-report.js';
import { testKey } from '../core/test-report.js';

/** A project the contract runs against: a fresh copy per suite, and what its tests are known to do. */
export interface ContractFixture {
  /** Creates the project (e.g. copies a fixture to a temp dir) and returns its dir and a cleanup. */
  setup(): Promise<{ readonly dir: string; cleanup(): Promise<void> }>;
  /** Tests that fail because of the fixture's bug. */
  readonly failing: readonly TestId[];
  /** Tests that pass. */
  readonly passing: readonly TestId[];
  /** Wall-clock limit per run; generous by default, CI machines are slow. */
  readonly timeoutMs?: number;
}

function texts(report: TestReport): string[] {
  const failures = report.results.flatMap((result) => (result.failure ? [result.failure.message, result.failure.output] : []));
  return [report.output, ...failures];
}

/**
 * The behaviours every `TestRunner` adapter must show, as a vitest suite: failing tests found with messages
 * and project frames, passing tests passed, sane durations, normalized output; and what its capabilities
 * promise: subset re-runs by id and by file, a warm session that runs tests with per-test coverage.
 */
export function describeTestRunnerContract(name: string, factory: () => TestRunner, fixture: ContractFixture): void {
  describe(`TestRunner contract: ${name}`, () => {
    const timeoutMs = fixture.timeoutMs ?? 60_000;
    let project: { readonly dir: string; cleanup(): Promise<void> };
    let roots: string[];
    let full: TestReport;
    const runner = factory();
    const capabilities = runner.capabilities ?? defaultCapabilities;

    beforeAll(async () => {
      project = await fixture.setup();
      roots = [project.dir, await realpath(project.dir)];
      full = await runner.run(project.dir, { timeoutMs });
    }, timeoutMs * 2);

    afterAll(async () => {
      await runner.dispose?.();
      await project.cleanup();
    });

    it('completes and names itself', () => {
      expect(full.status, full.status === 'error' ? full.message : full.output).toBe('complete');
      expect(full.runner).toBe(runner.name);
    });

    it('finds the failing tests with a message and a frame inside the project', () => {
      for (const id of fixture.failing) {
        const result = full.results.find((candidate) => testKey(candidate.id) === testKey(id));
        expect(result, testKey(id)).toMatchObject({ status: 'failed' });
        expect(result?.failure?.message).not.toBe('');
        expect(result?.failure?.frames.length).toBeGreaterThan(0);
        for (const frame of result?.failure?.frames ?? []) {
          expect(frame.file).not.toMatch(/^\/|^[a-z]+:|node_modules/);
          expect(frame.line).toBeGreaterThan(0);
        }
      }
    });

    it('reports the passing tests as passed', () => {
      for (const id of fixture.passing) {
        expect(
          full.results.find((candidate) => testKey(candidate.id) === testKey(id)),
          testKey(id),
        ).toMatchObject({ status: 'passed' });
      }
    });

    it('reports durations as numbers of at least 0', () => {
      expect(full.durationMs).toBeGreaterThanOrEqual(0);
      for (const result of full.results) expect(result.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('normalizes output: no ANSI codes, no absolute project paths', () => {
      for (const text of texts(full)) {
        expect(text).not.toContain('\u001b[');
        for (const root of roots) expect(text).not.toContain(root);
      }
    });

    it('declares a warm session exactly when it says it validates warm', () => {
      expect(runner.warmSession !== undefined).toBe(capabilities.warmValidation);
      if (capabilities.perTestCoverage) expect(runner.warmSession).toBeDefined();
    });

    it.runIf(capabilities.warmValidation)(
      'runs tests in its warm session, with per-test coverage',
      async () => {
        const provider = runner.warmSession;
        if (provider === undefined || !provider.supports(project.dir)) throw new Error(`${name}: the warm session does not support the contract fixture`);
        const session = await provider.start({ projectDir: project.dir, testTimeoutMs: timeoutMs, candidateTimeoutMs: timeoutMs });
        try {
          const failing = fixture.failing[0] as TestId;
          const passing = fixture.passing[0] as TestId;
          const run = await session.run({ active: 0, tests: [failing, passing] });
          expect(run.status).toBe('complete');
          const statusOf = (id: TestId) => (run.status === 'complete' ? run.results.find((result) => testKey(result.id) === testKey(id))?.status : undefined);
          expect(statusOf(failing)).toBe('failed');
          expect(statusOf(passing)).toBe('passed');
          if (capabilities.perTestCoverage) {
            const matrix = await session.coverage({ sites: [], tests: [passing] });
            expect(matrix.tests.map((test) => testKey(test.id))).toEqual([testKey(passing)]);
            expect(matrix.tests[0]?.passed).toBe(true);
          }
        } finally {
          await session.dispose();
        }
      },
      timeoutMs * 4,
    );

    it.runIf(capabilities.subsets)(
      're-runs only the requested tests',
      async () => {
        const wanted = [fixture.failing[0], fixture.passing[0]].filter((id): id is TestId => id !== undefined);
        const report = await runner.run(project.dir, { timeoutMs, tests: wanted });
        expect(report.status).toBe('complete');
        expect(report.results.map((result) => testKey(result.id)).sort()).toEqual(wanted.map(testKey).sort());
        expect(report.results.find((result) => testKey(result.id) === testKey(wanted[0] as TestId))?.status).toBe('failed');
      },
      timeoutMs * 2,
    );

    it.runIf(capabilities.subsets)(
      'scopes a run to the given files',
      async () => {
        const file = fixture.failing[0]?.file ?? '';
        const report = await runner.run(project.dir, { timeoutMs, files: [file] });
        expect(report.results.length).toBeGreaterThan(0);
        expect(report.results.every((result) => result.id.file === file)).toBe(true);
      },
      timeoutMs * 2,
    );
  });
}
