import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, CandidateVerdict } from '../types.js';
import type { TypePruner } from '../candidates/type-pruner.js';
import { isPruned, openTypePruner, prunedNote, withTypePruning } from './type-pruned-validator.js';
import type { CandidateValidator } from './validation-session.js';

const source = 'export function pick(a: number, b: number, label: string): number {\n  return a < b ? a : b;\n}\n';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'redgreen-pruned-'));
  await mkdir(join(root, 'src'));
  await mkdir(join(root, 'scripts'));
  await writeFile(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }));
  await writeFile(join(root, 'src/pick.ts'), source);
  await writeFile(join(root, 'scripts/loose.ts'), source);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A candidate replacing the first `from` in `file` with `to`. */
function replace(id: number, from: string, to: string, file = 'src/pick.ts'): Candidate {
  const start = source.indexOf(from);
  return { id, changes: [{ file, start, end: start + from.length, text: to, node: 'expression' }], operator: 'test', description: `${from} → ${to}`, score: 1 };
}

/** The validator under the pruning one: it records what it was asked to run and passes everything. */
function recording(): CandidateValidator & { readonly ran: number[] } {
  const ran: number[] = [];
  return {
    ran,
    async *validate(candidates) {
      for (const c of candidates) {
        ran.push(c.id);
        yield { candidate: c.id, status: 'plausible', passed: 1, durationMs: 1 };
      }
    },
    dispose: async () => undefined,
  };
}

async function collect(validator: CandidateValidator, candidates: readonly Candidate[]): Promise<CandidateVerdict[]> {
  const verdicts: CandidateVerdict[] = [];
  for await (const verdict of validator.validate(candidates, () => [{ file: 'test/pick.test.ts', name: 'picks' }])) verdicts.push(verdict);
  return verdicts;
}

describe('withTypePruning', () => {
  it('answers for a candidate that adds a type error without running it, and runs one that adds none', async () => {
    const pruner = openTypePruner(root);
    expect(pruner).toBeDefined();
    const inner = recording();
    const pruned: number[] = [];
    const validator = withTypePruning(inner, { root, pruner: pruner!, onPruned: (c) => pruned.push(c.id) });
    const verdicts = await collect(validator, [replace(1, 'a < b', 'a <= b'), replace(2, 'a < b', 'a < label'), replace(3, '? a : b', '? a : label')]);
    expect(inner.ran).toEqual([1]);
    expect(pruned).toEqual([2, 3]);
    expect(verdicts.map((v) => [v.candidate, isPruned(v)])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
  });

  it('accepts any change to a file the tsconfig does not include', async () => {
    const inner = recording();
    await collect(withTypePruning(inner, { root, pruner: openTypePruner(root)! }), [replace(4, '? a : b', '? a : label', 'scripts/loose.ts')]);
    expect(inner.ran).toEqual([4]);
  });

  it('runs every candidate unpruned once the compiler throws', async () => {
    const inner = recording();
    const throwing: TypePruner = {
      baseline: () => 0,
      accept: () => {
        throw new Error('compiler crashed');
      },
    };
    await collect(withTypePruning(inner, { root, pruner: throwing }), [replace(5, '? a : b', '? a : label'), replace(6, 'a < b', 'a <= b')]);
    expect(inner.ran).toEqual([5, 6]);
  });

  it('checks no candidate once disposed', async () => {
    const inner = recording();
    const validator = withTypePruning(inner, { root, pruner: openTypePruner(root)! });
    await validator.dispose();
    expect(await collect(validator, [replace(7, 'a < b', 'a <= b')])).toEqual([]);
  });
});

describe('openTypePruner', () => {
  it('has nothing to check in a project without a tsconfig.json (plain JavaScript)', async () => {
    const js = await mkdtemp(join(tmpdir(), 'redgreen-pruned-js-'));
    try {
      await writeFile(join(js, 'index.js'), 'export const x = 1;\n');
      expect(openTypePruner(js)).toBeUndefined();
    } finally {
      await rm(js, { recursive: true, force: true });
    }
  });
});

describe('prunedNote', () => {
  it('counts pruned candidates for a progress line, and says nothing when none was', () => {
    expect(prunedNote(6)).toBe(', 6 pruned by the type check');
    expect(prunedNote(0)).toBe('');
  });
});
