import { describe, expect, it } from 'vitest';
import type { Candidate } from '../types.js';
import { planPairs } from './plan-pairs.js';

const file = 'src/a.ts';
const text = Array.from({ length: 80 }, (_, i) => `const v${i} = ${i};`).join('\n');
const singles: Candidate[] = Array.from({ length: 80 }, (_, i) => {
  const start = text.indexOf(`= ${i};`) + 2;
  return {
    id: i + 1,
    score: 1 - i / 100,
    operator: `op${i + 1}`,
    description: '',
    changes: [{ file, start, end: start + String(i).length, text: '-1', node: 'expression' }],
  };
});
const plan = (perMs: number, remainingMs: number, partial: number[] = [], harmless: number[] = []) =>
  planPairs(singles, { files: new Map([[file, text]]), perMs, remainingMs, harmless: new Set(harmless), partial: new Set(partial) });

describe('planPairs', () => {
  it('pairs the top 30 singles at least, and up to 60 when the time left allows', () => {
    expect(plan(0, 0)).toHaveLength(435);
    expect(plan(1, 1000)).toHaveLength(990);
    expect(plan(10, 1_000_000)).toHaveLength(1770);
  });

  it('takes half the time with partial progress in hand and never pairs two partial singles', () => {
    const pairs = plan(1, 400, [1, 2]);
    expect(pairs).toHaveLength(200);
    expect(pairs.map((p) => p.operator)).not.toContain('op1+op2');
    expect(pairs[0]?.operator).toBe('op1+op3');
  });

  it('pairs harmless singles first', () => {
    expect(plan(0, 0, [], [70, 75])[0]?.operator).toBe('op70+op75');
  });
});
