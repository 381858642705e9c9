import { describe, expect, it } from 'vitest';
import { aResult } from '../../../test/helpers/factories.js';
import type { Suspicion } from '../types.js';
import { functionRanges } from '../../analysis/functions.js';
import { boostCalledFunctions } from './called-functions.js';

const source = 'export function a() {\n  return 1;\n}\nexport const b = () => {\n  return 2;\n};\n';
const site = (line: number, start: number, end: number): Suspicion => ({
  site: { id: line, file: 'src/m.ts', line, start, end },
  score: 0.05,
  failedCovering: 0,
  passedCovering: 0,
});

describe('boostCalledFunctions', () => {
  it('finds functions by name, declarations and const arrows', () => {
    expect(functionRanges('src/m.ts', source, new Set(['b'])).map((r) => source.slice(r.start, r.end))).toEqual(['b = () => {\n  return 2;\n}']);
  });
  it('raises the statements of the functions the failing test calls, keeping the rest', () => {
    const inA = site(2, source.indexOf('return 1'), source.indexOf('return 1') + 9);
    const inB = site(5, source.indexOf('return 2'), source.indexOf('return 2') + 9);
    const failing = [aResult('uses b', 'failed', 'test/m.test.ts')];
    const tests = new Map([['test/m.test.ts', "it('uses b', () => { expect(b()).toBe(3); });"]]);
    const boosted = boostCalledFunctions([inA, inB], failing, tests, new Map([['src/m.ts', source]]));
    expect(boosted.map((s) => s.site.line)).toEqual([5, 2]);
    expect(boosted[0]?.score).toBeCloseTo(0.15);
  });
});
