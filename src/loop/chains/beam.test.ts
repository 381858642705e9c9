import { describe, expect, it } from 'vitest';
import { aReport, aResult } from '../../../test/helpers/factories.js';
import type { FileChange } from '../../core/file-change.js';
import type { BeamRound } from '../../core/run-result.js';
import type { StepState } from '../run-context.js';
import { createBeam } from './beam.js';
import type { ChainSandbox } from './run-chains.js';

const original = { 'src/a.ts': 'a = 0\n', 'src/b.ts': 'b = 0\n' };

/** A chain's sandbox in memory: what differs from `original` is its changed files. */
function memorySandbox(): ChainSandbox & { files: Map<string, string> } {
  const files = new Map(Object.entries(original));
  return {
    root: '/memory',
    files,
    listFiles: async () => [...files.keys()],
    readFile: async (file) => files.get(file),
    writeFile: async (file, text) => void files.set(file, text),
    deleteFile: async (file) => void files.delete(file),
    async changedFiles() {
      const names = new Set([...Object.keys(original), ...files.keys()]);
      const changes: FileChange[] = [];
      for (const file of [...names].sort()) {
        const before = (original as Record<string, string>)[file];
        const after = files.get(file);
        if (before !== after) changes.push({ file, before, after });
      }
      return changes;
    },
    dispose: async () => {},
  };
}

const baseline = aReport([aResult('one', 'failed'), aResult('two', 'failed')]);
const state = (step: number, passing: number, changes: FileChange[] = []): StepState => ({
  step,
  baseline,
  best: aReport([aResult('one', passing >= 1 ? 'passed' : 'failed'), aResult('two', passing >= 2 ? 'passed' : 'failed')]),
  changes,
});

describe('createBeam', () => {
  it('waits for every chain, then copies the best state into the others and hands them its report', async () => {
    const rounds: BeamRound[] = [];
    const beam = createBeam({ chains: 3, width: 1, onRound: async (round) => void rounds.push(round) });
    const sandboxes = [memorySandbox(), memorySandbox(), memorySandbox()] as const;
    sandboxes[0].files.set('src/a.ts', 'a = 1\n');
    sandboxes[1].files.set('src/b.ts', 'b = 2\n');
    sandboxes[1].files.set('src/c.ts', 'c = 2\n');
    const better = state(1, 1, await sandboxes[1].changedFiles());
    let settled = 0;
    const first = beam.afterStep(1, sandboxes[0], state(1, 0)).finally(() => settled++);
    const third = beam.afterStep(3, sandboxes[2], state(1, 0)).finally(() => settled++);
    await new Promise((wake) => setTimeout(wake, 20));
    expect(settled).toBe(0);
    const second = await beam.afterStep(2, sandboxes[1], better);
    expect(second).toBeUndefined();
    expect(await first).toEqual({ best: better.best, changes: better.changes });
    expect(await third).toEqual({ best: better.best, changes: better.changes });
    for (const sandbox of sandboxes) expect(Object.fromEntries(sandbox.files)).toEqual({ 'src/a.ts': 'a = 0\n', 'src/b.ts': 'b = 2\n', 'src/c.ts': 'c = 2\n' });
    expect(rounds).toEqual([
      {
        step: 1,
        kept: [{ chain: 2, reward: 0.97 }],
        moves: [
          { chain: 1, from: 2 },
          { chain: 3, from: 2 },
        ],
      },
    ]);
    expect(beam.rounds()).toEqual(rounds);
  });

  it('stops waiting for a chain that leaves, and lets the last chain go on alone', async () => {
    const beam = createBeam({ chains: 3, width: 1, onRound: async () => {} });
    const sandboxes = [memorySandbox(), memorySandbox(), memorySandbox()] as const;
    const first = beam.afterStep(1, sandboxes[0], state(1, 0));
    beam.leave(2);
    const third = beam.afterStep(3, sandboxes[2], state(1, 0));
    expect(await first).toBeUndefined();
    expect(await third).toEqual({ best: state(1, 0).best, changes: [] });
    beam.leave(3);
    expect(await beam.afterStep(1, sandboxes[0], state(2, 0))).toBeUndefined();
    expect(beam.rounds()).toHaveLength(1);
  });

  it('does not hold a chain whose state is green, and moves no chain once one is green', async () => {
    const beam = createBeam({ chains: 3, width: 1, onRound: async () => {} });
    const waiting = beam.afterStep(1, memorySandbox(), state(1, 0));
    expect(await beam.afterStep(2, memorySandbox(), state(1, 2))).toBeUndefined();
    const third = beam.afterStep(3, memorySandbox(), state(1, 1, [{ file: 'src/a.ts', before: 'a = 0\n', after: 'a = 1\n' }]));
    beam.leave(2);
    expect(await waiting).toBeUndefined();
    expect(await third).toBeUndefined();
    expect(beam.rounds()).toEqual([]);
  });
});
