import { describe, expect, it } from 'vitest';
import type { FoundDiagnostic } from '../coherence/typecheck/typecheck-session.js';
import { typeGateVerdict } from './type-gate.js';

const found = (line: number): FoundDiagnostic => ({
  diagnostic: { file: 'src/a.ts', line, column: 1, code: 2322, message: 'Type mismatch.' },
  formatted: `src/a.ts:${line}:1 - error TS2322: Type mismatch.\n> ${line} | x`,
});

describe('typeGateVerdict', () => {
  it('passes an edit that introduces no type error, whatever the project had', () => {
    expect(typeGateVerdict('strict', { introduced: [], total: 4 })).toEqual({ action: 'pass' });
  });

  it('refuses under strict, saying the tests did not run, with each error in full', () => {
    expect(typeGateVerdict('strict', { introduced: [found(3)], total: 1 })).toEqual({
      action: 'refuse',
      feedback: ['refused: the edit introduces 1 type error; its tests did not run:', found(3).formatted],
      typecheck: { mode: 'strict', testsRan: false, introduced: [found(3).diagnostic] },
    });
  });

  it('warns under warn, and counts what it does not show', () => {
    const verdict = typeGateVerdict('warn', { introduced: [1, 2, 3, 4, 5, 6, 7].map(found), total: 7 });
    expect(verdict.action).toBe('warn');
    if (verdict.action === 'pass') return;
    expect(verdict.feedback[0]).toBe('the edit introduces 7 type errors:');
    expect(verdict.feedback.slice(1, 6)).toEqual([1, 2, 3, 4, 5].map((line) => found(line).formatted));
    expect(verdict.feedback.at(-1)).toBe('… and 2 more');
    expect(verdict.typecheck).toMatchObject({ mode: 'warn', testsRan: true });
    expect(verdict.typecheck.introduced).toHaveLength(7);
  });
});
