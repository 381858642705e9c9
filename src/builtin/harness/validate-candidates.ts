import type { TestId } from '../../runner/types.js';
import { buildSchemata } from '../schemata/build-schemata.js';
import type { Candidate, CandidateVerdict } from '../types.js';
import { toVerdict } from './to-verdict.js';
import type { ValidationSession } from './validation-session.js';

export interface ValidateCandidatesOptions {
  readonly session: Pick<ValidationSession, 'load' | 'runBatch'>;
  /** The original text of a project file, undefined when there is none. */
  readonly readOriginal: (file: string) => Promise<string | undefined>;
  readonly candidates: readonly Candidate[];
  readonly testsFor: (candidate: Candidate) => readonly TestId[];
  /** Candidates per framework run. */
  readonly batchSize: number;
}

/**
 * The fast validation loop: one schemata text per batch of compatible candidates, loaded once; candidates
 * run `batchSize` at a time in one warm framework run, each with only its covering tests, stopping at the
 * first failure (import-time candidates one per run). The working copy is back to the original texts when
 * the loop ends.
 */
export async function* validateCandidates(options: ValidateCandidatesOptions): AsyncGenerator<CandidateVerdict> {
  const { session, candidates, testsFor } = options;
  const files = new Map<string, string>();
  for (const file of new Set(candidates.flatMap((candidate) => candidate.changes.map((change) => change.file)))) {
    const text = await options.readOriginal(file);
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
        const runs = await session.runBatch(requests, { bail: true });
        for (const request of requests) {
          const run = runs.get(request.active) ?? { status: 'complete', results: [], errors: ['the candidate was not run'], durationMs: 0 };
          yield toVerdict(request.active, request.tests, run);
        }
      }
    }
  } finally {
    await session.load(new Map());
  }
}
