import type { TestId } from '../../core/test-report.js';
import { applyCandidate } from '../schemata/apply-changes.js';
import { buildSchemata } from '../schemata/build-schemata.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import { toVerdict } from './to-verdict.js';
import type { CandidateRun, WarmSession } from '../../core/warm-session.js';

export interface ValidateCandidatesOptions {
  readonly session: Pick<WarmSession, 'load' | 'runBatch' | 'readOriginal'>;
  readonly candidates: readonly Candidate[];
  readonly testsFor: (candidate: Candidate) => readonly TestId[];
  /** Candidates per framework run. */
  readonly batchSize: number;
  /** Stop a test file at its first failure (default true). */
  readonly bail?: boolean;
}

/**
 * The fast validation loop: one schemata text per batch of compatible candidates, loaded once; candidates
 * run `batchSize` at a time in one warm framework run, each with only its covering tests, stopping at the
 * first failure (import-time candidates one per run). The working copy is back to the original texts when
 * the loop ends.
 */
const notRun: CandidateRun = { status: 'complete', results: [], errors: ['the candidate was not run'], durationMs: 0 };

/** Every candidate of a run failed the same way before any test ran: the loaded files themselves are broken. */
function poisoned(runs: readonly (CandidateRun | undefined)[]): boolean {
  const first = runs[0];
  if (first?.status !== 'complete' || first.results.length > 0 || first.errors.length === 0) return false;
  const message = first.errors.join('\n');
  return runs.every((run) => run?.status === 'complete' && run.results.length === 0 && run.errors.join('\n') === message);
}

export async function* validateCandidates(options: ValidateCandidatesOptions): AsyncGenerator<CandidateVerdict> {
  const { session, candidates, testsFor } = options;
  const bail = options.bail ?? true;
  const files = new Map<string, string>();
  for (const file of new Set(candidates.flatMap((candidate) => candidate.changes.map((change) => change.file)))) {
    const text = await session.readOriginal(file);
    if (text !== undefined) files.set(file, text);
  }
  const plan = buildSchemata(files, candidates);
  for (const { candidate, message } of plan.rejected) yield { candidate, status: 'error', message, durationMs: 0 };
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  try {
    for (const batch of plan.batches) {
      await session.load(batch.files);
      const alone = new Set(batch.importTime);
      const shared = batch.candidates.filter((id) => !alone.has(id));
      const chunks = [...batch.importTime.map((id) => [id])];
      for (let offset = 0; offset < shared.length; offset += options.batchSize) chunks.push(shared.slice(offset, offset + options.batchSize));
      for (const chunk of chunks) {
        const requests = [];
        for (const id of chunk) {
          const tests = testsFor(byId.get(id) as Candidate);
          if (tests.length === 0) yield { candidate: id, status: 'error', message: 'no test covers this candidate', durationMs: 0 };
          else requests.push({ active: id, tests });
        }
        if (requests.length === 0) continue;
        const runs = await session.runBatch(requests, { bail });
        if (requests.length > 1 && poisoned(requests.map((r) => runs.get(r.active)))) {
          // The shared schemata did not load (a candidate the framework's parser rejects): one bad candidate
          // must not sink the others, so each is tried alone with its text applied directly.
          for (const request of requests) {
            const applied = applyCandidate(files, byId.get(request.active) as Candidate);
            if (applied.status !== 'applied') {
              yield { candidate: request.active, status: 'error', message: applied.message, durationMs: 0 };
              continue;
            }
            await session.load(applied.files);
            const alone = await session.runBatch([request], { bail });
            yield toVerdict(request.active, request.tests, alone.get(request.active) ?? notRun);
          }
          await session.load(batch.files);
          continue;
        }
        for (const request of requests) {
          yield toVerdict(request.active, request.tests, runs.get(request.active) ?? notRun);
        }
      }
    }
  } finally {
    await session.load(new Map());
  }
}
