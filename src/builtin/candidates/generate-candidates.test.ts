import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { instrumentCoverage } from '../localize/instrument-coverage.js';
import { parsesCleanly } from '../../analysis/syntax-check.js';
import type { Candidate, StatementSite, Suspicion } from '../types.js';
import { generateCandidates } from './generate-candidates.js';
import { applyChanges } from './text-change.js';

const file = 'src/sum.js';
const buggy = [
  'export function sumTo(xs, n) {',
  '  let total = 0;',
  '  for (let i = 0; i <= n; i++) {',
  '    total += xs[i];',
  '  }',
  '  return total;',
  '}',
].join('\n');

const suspect = (sites: readonly StatementSite[], scores: readonly number[]): Suspicion[] =>
  sites.map((site, i) => ({ site, score: scores[i] ?? 0, failedCovering: 1, passedCovering: 0 }));

function runsGreen(text: string): boolean {
  const context = vm.createContext({});
  try {
    vm.runInContext(text.replace('export function', 'function'), context);
    return vm.runInContext('sumTo([1, 2, 3], 2) === 3 && sumTo([5], 1) === 5 && sumTo([], 0) === 0', context) === true;
  } catch {
    return false;
  }
}

/** The candidate as mutant schemata would switch it: a ternary around expressions, if/else around statements. */
function schematized(text: string, candidate: Candidate): string {
  return applyChanges(
    text,
    candidate.changes.map((c) => ({
      ...c,
      text:
        c.node === 'expression'
          ? `(__rg.active === ${candidate.id} ? ${c.text} : ${text.slice(c.start, c.end)})`
          : `if (__rg.active === ${candidate.id}) { ${c.text} } else { ${text.slice(c.start, c.end)} }`,
    })),
  );
}

describe('generateCandidates', () => {
  const { sites } = instrumentCoverage(file, buggy, 1);
  const files = new Map([[file, buggy]]);

  it('finds the fix among the candidates of the most suspicious statement, with the whole expression as the change', () => {
    const candidates = generateCandidates(files, suspect(sites, [0.3, 0.9, 0.9, 0.3]));
    const fix = candidates.find((c) => runsGreen(applyChanges(buggy, c.changes)));
    expect(fix).toMatchObject({ operator: 'relational-boundary', changes: [{ file, text: 'i < n', node: 'expression' }] });
    expect(fix?.description).toBe('`<=` → `<` at src/sum.js:3');
    expect(candidates[0]?.operator).toBe('relational-boundary');
  });

  it('numbers candidates from firstId, best first, and keeps within maxCandidates', () => {
    const candidates = generateCandidates(files, suspect(sites, [0.3, 0.9, 0.9, 0.3]), { firstId: 100, maxCandidates: 5 });
    expect(candidates.map((c) => c.id)).toEqual([100, 101, 102, 103, 104]);
    expect([...candidates].sort((a, b) => b.score - a.score)).toEqual(candidates);
  });

  it('produces unique results that parse, also when switched by schemata', () => {
    const candidates = generateCandidates(files, suspect(sites, [1, 1, 1, 1]));
    expect(candidates.length).toBeGreaterThan(30);
    const results = candidates.map((c) => applyChanges(buggy, c.changes));
    expect(new Set(results).size).toBe(results.length);
    for (const c of candidates) expect(parsesCleanly(file, schematized(buggy, c)), `${c.operator}: ${c.description}`).toBe(true);
    expect(candidates.some((c) => c.changes[0]?.node === 'statement')).toBe(true);
  });

  it('skips sites with score 0 and files it does not have', () => {
    expect(generateCandidates(files, suspect(sites, [0, 0, 0, 0]))).toEqual([]);
    expect(generateCandidates(new Map(), suspect(sites, [1, 1, 1, 1]))).toEqual([]);
  });

  it('drops candidates the accept hook rejects', () => {
    expect(generateCandidates(files, suspect(sites, [1, 1, 1, 1]), { accept: () => false })).toEqual([]);
  });
});
