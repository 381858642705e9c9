import type { TestRunner } from '../../core/test-runner.js';
import type { TestId, TestReport } from '../../core/test-report.js';
import { createSandbox } from '../../workspace/sandbox.js';
import { claimTempDir, releaseTempDir } from '../../workspace/sandbox-retention.js';
import { applyCandidate } from '../schemata/apply-changes.js';
import { toVerdict } from './to-verdict.js';
import type { CandidateRun } from '../../core/warm-session.js';
import type { CandidateValidator } from './validation-session.js';

export interface SpawnValidatorOptions {
  readonly projectDir: string;
  /** The project's runner; disposing the validator disposes it. */
  readonly runner: TestRunner;
  /** Wall-clock limit of one spawned run. */
  readonly candidateTimeoutMs: number;
}

function toRun(report: TestReport): CandidateRun {
  if (report.status === 'timeout' && !report.results.some((result) => result.status === 'failed')) return { status: 'timeout', durationMs: report.durationMs };
  return { status: 'complete', results: report.results, errors: report.status === 'error' ? [report.message] : [], durationMs: report.durationMs };
}

/**
 * The baseline the warm session is measured against: per candidate, the candidate applied as text to a
 * private copy and the project's test runner spawned once for the same tests.
 */
export async function createSpawnValidator(options: SpawnValidatorOptions): Promise<CandidateValidator> {
  const sandbox = await createSandbox(options.projectDir);
  await claimTempDir(sandbox.root);
  const runner = options.runner;
  // Disposal stops a run still in flight (a search that already has what it needs does not wait for it).
  const stop = new AbortController();
  // The candidate being written, run or put back; disposal waits for it before it removes the copy.
  let inFlight: Promise<unknown> | undefined;
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight = work.catch(() => undefined);
    return work;
  };
  return {
    async *validate(candidates, testsFor) {
      for (const candidate of candidates) {
        if (stop.signal.aborted) return;
        const tests = testsFor(candidate);
        if (tests.length === 0) {
          yield { candidate: candidate.id, status: 'error', message: 'no test covers this candidate', durationMs: 0 };
          continue;
        }
        const originals = new Map<string, string>();
        for (const change of candidate.changes) {
          const text = await track(sandbox.readFile(change.file));
          if (text !== undefined) originals.set(change.file, text);
        }
        const applied = applyCandidate(originals, candidate);
        if (applied.status === 'invalid') {
          yield { candidate: candidate.id, status: 'error', message: applied.message, durationMs: 0 };
          continue;
        }
        let report: TestReport | undefined;
        try {
          report = await track(runCandidate(applied.files, tests));
        } finally {
          if (!stop.signal.aborted) await track(restore(originals));
        }
        // Closed mid-run: the aborted run's report says nothing about the candidate.
        if (stop.signal.aborted || report === undefined) return;
        yield toVerdict(candidate.id, tests, toRun(report));
      }
    },
    async dispose() {
      stop.abort();
      await runner.dispose?.();
      await inFlight;
      await sandbox.dispose();
      await releaseTempDir(sandbox.root);
    },
  };

  async function runCandidate(files: ReadonlyMap<string, string>, tests: readonly TestId[]): Promise<TestReport | undefined> {
    for (const [file, text] of files) {
      if (stop.signal.aborted) return undefined;
      await sandbox.writeFile(file, text);
    }
    if (stop.signal.aborted) return undefined;
    return runner.run(sandbox.root, { tests, timeoutMs: options.candidateTimeoutMs, signal: stop.signal });
  }

  async function restore(originals: ReadonlyMap<string, string>): Promise<void> {
    for (const [file, text] of originals) {
      if (stop.signal.aborted) return;
      await sandbox.writeFile(file, text);
    }
  }
}
