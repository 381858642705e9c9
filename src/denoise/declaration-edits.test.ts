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
    edits: targets.map((file) => ({
      kind: 'update',
      file,
      oldText: 'export declare function cents(x: number): number;',
      newText: 'export declare function cents(x: number): string;',
    })),
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

  it('passes an edit that quotes the real text of a file shown as declarations, by search text or diff context', () => {
    const search: Proposal = {
      kind: 'edits',
      edits: [{ kind: 'update', file: 'src/money.ts', oldText: '  return x * 100;', newText: '  return x * 10;' }],
      reasoning: '',
      denoiser: 'model',
    };
    expect(guardDeclarationEdits(search, shown, files).proposal).toBe(search);
    const diff =
      '--- a/src/money.ts\n+++ b/src/money.ts\n@@ -1,3 +1,3 @@\n export function cents(x: number): number {\n-  return x * 100;\n+  return x * 10;\n }\n';
    const patch: Proposal = { kind: 'edits', edits: [{ kind: 'patch', file: 'src/money.ts', diff }], reasoning: '', denoiser: 'model' };
    expect(guardDeclarationEdits(patch, shown, files).proposal).toBe(patch);
  });

  it('refuses a diff quoting the summary and a whole-file reply to a file shown as declarations', () => {
    const diff = '@@ -1 +1 @@\n-export declare function cents(x: number): number;\n+export declare function cents(x: number): string;\n';
    const patch: Proposal = { kind: 'edits', edits: [{ kind: 'patch', file: 'src/money.ts', diff }], reasoning: '', denoiser: 'model' };
    expect(guardDeclarationEdits(patch, shown, files).proposal.kind).toBe('malformed');
    const rewrite: Proposal = {
      kind: 'edits',
      edits: [{ kind: 'rewrite', file: 'src/money.ts', content: 'export const cents = 1;\n' }],
      reasoning: '',
      denoiser: 'model',
    };
    expect(guardDeclarationEdits(rewrite, shown, files).proposal.kind).toBe('malformed');
  });

  it('leaves unreadable replies as they are', () => {
    const proposal: Proposal = { kind: 'malformed', reason: 'no edit', problem: 'no-edit', denoiser: 'model' };
    expect(guardDeclarationEdits(proposal, shown, files).proposal).toBe(proposal);
  });
});
