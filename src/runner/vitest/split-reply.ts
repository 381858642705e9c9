import { toFailure } from '../core/build-report.js';
import { projectPath } from '../core/stack-frames.js';
import type { TestResult } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { HostReply, HostTestResult } from './host-protocol.js';
import type { CandidateRunRequest } from '../../core/warm-session.js';

type ResultReply = Extract<HostReply, { type: 'result' }>;

/** One host test result as a project-relative test result. */
export function hostResult(test: HostTestResult, roots: readonly string[]): TestResult {
  return {
    id: { file: projectPath(test.file, roots) ?? test.file, name: test.titles.join(' > ') },
    status: test.state,
    durationMs: Math.max(0, Math.round(test.durationMs)),
    ...(test.state === 'failed' ? { failure: toFailure(test.error ?? { message: 'failed' }, roots) } : {}),
  };
}

/**
 * A batch's reply split by candidate: each one's requested results and its own errors (a test file that threw
 * at import with it), and the errors no candidate can be blamed for.
 */
export function splitReply(reply: ResultReply, requests: readonly CandidateRunRequest[], roots: readonly string[]) {
  const wanted = new Map(requests.map((request) => [request.active, new Set(request.tests.map(testKey))]));
  const perCandidate = new Map<number, { results: TestResult[]; errors: string[] }>();
  const entry = (id: number) => {
    let own = perCandidate.get(id);
    if (!own) perCandidate.set(id, (own = { results: [], errors: [] }));
    return own;
  };
  for (const test of reply.tests) {
    const result = hostResult(test, roots);
    if (wanted.get(test.active)?.has(testKey(result.id))) entry(test.active).results.push(result);
  }
  const unattributed: string[] = [];
  for (const { active, file, error } of reply.errors) {
    const message = toFailure(error, roots).message;
    const where = file === undefined ? '' : ` (in ${projectPath(file, roots) ?? file})`;
    if (active !== undefined && wanted.has(active)) entry(active).errors.push(`${message}${where}`);
    else unattributed.push(message);
  }
  return { perCandidate, unattributed };
}
