import { describe, expect, it } from 'vitest';
import type { Proposal } from '../core/attempts.js';
import { guardDeclarationEdits } from './declaration-edits.js';

const shown = [
  {
    path: 'src/money.ts',
    text: 'export declare function cents(x: number): number;\n',
    wholeText: 'export function cents(x: number): number {\n  return x * 100;\n}\n',
  },
];
const files = ['src/money.ts', 'src/invoice.ts'];

function edits(...targets: string[]): Proposal {
  return {
    kind: 'edits',
    edits: targets.map((file) => ({ kind: 'update', file, oldText: 'a', newText: 'b' })),
    reasoning: 'why',
    denoiser: 'model',
    raw: 'reply',
    format: 'search-replace',
  };
}

describe('guardDeclarationEdits', () => {
  it('passes a reply that edits only files shown whole', () => {
    const proposal = edits('src/invoice.ts');
    expect(guardDeclarationEdits(proposal, shown, files)).toEqual({ proposal, shownWhole: [] });
  });

  it('refuses a reply aimed at a file shown as declarations, however the path is written, and hands its whole text back', () => {
    const guarded = guardDeclarationEdits(edits('src/invoice.ts', './money.ts'), shown, files);
    expect(guarded.proposal).toEqual({
      kind: 'malformed',
      reason: 'refused: src/money.ts was shown as declarations only, not its text, so an edit to it cannot be applied; its whole text is shown now',
      problem: 'invalid',
      denoiser: 'model',
      raw: 'reply',
      format: 'search-replace',
    });
    expect(guarded.shownWhole).toEqual([{ path: 'src/money.ts', text: shown[0]?.wholeText }]);
  });

  it('leaves unreadable replies as they are', () => {
    const proposal: Proposal = { kind: 'malformed', reason: 'no edit', problem: 'no-edit', denoiser: 'model' };
    expect(guardDeclarationEdits(proposal, shown, files).proposal).toBe(proposal);
  });
});
