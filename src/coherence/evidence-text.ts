import type { Evidence } from './contract-model.js';

/** `test/stack.test.ts:12`: the test location a finding or a note points the reader to. */
export function evidenceText(evidence: readonly Evidence[]): string {
  const first = evidence[0];
  return first === undefined ? 'the tests' : `${first.file}:${first.line}`;
}
