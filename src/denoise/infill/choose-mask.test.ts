import { describe, expect, it } from 'vitest';
import { chooseMask, findFunctionLine } from './choose-mask.js';

const text = [
  'export function clamp(value: number, min: number, max: number): number {', // 1
  '  if (value < min) {', // 2
  '    return min;', // 3
  '  }', // 4
  '  if (value < max) {', // 5
  '    return max;', // 6
  '  }', // 7
  '  return value;', // 8
  '}', // 9
  'export const twice = (x: number): number => {', // 10
  '  return x * 2;', // 11
  '};', // 12
  '',
].join('\n');

const masked = (scope: 'statement' | 'body', line: number) => {
  const mask = chooseMask('src/math.ts', text, line, scope);
  return mask && text.slice(mask.start, mask.end);
};

describe('chooseMask', () => {
  it('masks the statement on the fault line, whole lines', () => {
    expect(masked('statement', 5)).toBe('  if (value < max) {\n    return max;\n  }\n');
    expect(masked('statement', 6)).toBe('    return max;\n');
  });
  it('masks the whole body of the enclosing function', () => {
    expect(masked('body', 6)).toBe(text.split('\n').slice(1, 8).join('\n') + '\n');
    expect(masked('body', 11)).toBe('  return x * 2;\n');
  });
  it('gives nothing outside functions', () => {
    expect(chooseMask('src/math.ts', text, 13, 'statement')).toBeUndefined();
  });
});

describe('findFunctionLine', () => {
  it('finds declarations and const arrows by name', () => {
    expect(findFunctionLine('src/math.ts', text, new Set(['clamp']))).toBe(2);
    expect(findFunctionLine('src/math.ts', text, new Set(['twice']))).toBe(11);
    expect(findFunctionLine('src/math.ts', text, new Set(['nope']))).toBeUndefined();
  });
});

describe('calledInTest', () => {
  it('reads the calls inside the named test only', async () => {
    const { calledInTest } = await import('../../builtin/localize/called-in-test.js');
    const tests = "describe('m', () => {\n  it('sums', () => { expect(sum([1])).toBe(1); });\n  it('clamps', () => { expect(clamp(1, 2, 3)).toBe(2); });\n});";
    expect([...calledInTest('t.test.ts', tests, 'clamps')].sort()).toEqual(['clamp', 'expect', 'toBe']);
    expect(calledInTest('t.test.ts', tests, 'missing').has('sum')).toBe(true);
  });
});
