import { describe, expect, it } from 'vitest';
import type { Candidate, TextChange } from '../types.js';
import { pairCandidates, singlesForPairs } from './pair-candidates.js';
import { patchSize, rankPlausible } from './rank-plausible.js';

const file = 'src/a.ts';
const text = 'const a = x < y;\nconst b = f(x, y);\nreturn a && b;\n';
const change = (start: number, end: number, replacement: string): TextChange => ({ file, start, end, text: replacement, node: 'expression' });
const candidate = (id: number, score: number, ...changes: TextChange[]): Candidate => ({ id, score, changes, operator: `op${id}`, description: `d${id}` });
const at = (needle: string): [number, number] => [text.indexOf(needle), text.indexOf(needle) + needle.length];

describe('pairCandidates', () => {
  const boundary = candidate(1, 0.5, change(...at('x < y'), 'x <= y'));
  const flip = candidate(2, 0.4, change(...at('x < y'), 'x > y'));
  const swap = candidate(3, 0.2, change(...at('f(x, y)'), 'f(y, x)'));

  it('combines non-overlapping singles, scored by the product, ids after the singles', () => {
    const pairs = pairCandidates([boundary, flip, swap], { files: new Map([[file, text]]) });
    expect(pairs.map((p) => [p.id, p.operator, p.score])).toEqual([
      [4, 'op1+op3', 0.1],
      [5, 'op2+op3', 0.08000000000000002],
    ]);
    expect(pairs[0]?.changes).toEqual([...boundary.changes, ...swap.changes]);
  });

  it('keeps to topN and maxPairs', () => {
    expect(pairCandidates([boundary, flip, swap], { topN: 2 })).toEqual([]);
    expect(pairCandidates([boundary, flip, swap], { maxPairs: 1, firstId: 50 }).map((p) => p.id)).toEqual([50]);
  });

  it('combines preferred singles first and ranks pairs of two preferred above the rest', () => {
    const weak = candidate(5, 0.01, change(...at('a && b'), 'a || b'));
    const pairs = pairCandidates([boundary, flip, swap, weak], { topN: 2, preferred: (c) => c.id === 3 || c.id === 5 });
    expect(pairs.map((p) => p.operator)).toEqual(['op3+op5']);
    const all = pairCandidates([boundary, flip, swap, weak], { preferred: (c) => c.id === 3 || c.id === 5 });
    expect(all.map((p) => p.operator)).toEqual(['op3+op5', 'op3+op1', 'op3+op2', 'op5+op1', 'op5+op2']);
  });

  it('leaves out the pairs it is told to skip', () => {
    const pairs = pairCandidates([boundary, flip, swap], { skip: (a, b) => a.id === 1 && b.id === 3 });
    expect(pairs.map((p) => p.operator)).toEqual(['op2+op3']);
  });

  it('sizes the singles to combine to the pairs the time allows', () => {
    expect([0, 1, 3, 435, 1770].map(singlesForPairs)).toEqual([2, 2, 3, 30, 60]);
  });

  it('drops pairs whose result does not parse', () => {
    const broken = candidate(4, 0.9, change(...at('a && b'), 'a &&'));
    expect(pairCandidates([broken, swap], { files: new Map([[file, text]]) })).toEqual([]);
  });
});

describe('rankPlausible', () => {
  it('prefers fewer tokens, then fewer lines, then a higher score', () => {
    const small = candidate(1, 0.1, change(...at('x < y'), 'x <= y'));
    const big = candidate(2, 0.9, change(...at('x < y'), 'x < y && y > 0 && z'));
    const twoLines = candidate(3, 0.9, change(...at('x < y'), 'x <= y'), change(...at('a && b'), 'a || b'));
    expect(patchSize(small, new Map([[file, text]]))).toEqual({ tokens: 2, characters: 1, lines: 1 });
    expect(rankPlausible([big, twoLines, small], new Map([[file, text]])).map((c) => c.id)).toEqual([1, 3, 2]);
  });
});
