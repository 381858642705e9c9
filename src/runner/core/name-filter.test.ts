import { describe, expect, it } from 'vitest';
import { excludeFullNamePattern, excludeLeafTitlePattern, fullNamePattern, leafTitlePattern, scopeFiles } from './name-filter.js';

const ids = [
  { file: 'a.test.ts', name: 'clamp > keeps (x) in range' },
  { file: 'b.test.ts', name: 'top' },
];

describe('name-filter', () => {
  it('matches full names joined by spaces or by " > ", anchored at the end', () => {
    const pattern = new RegExp(fullNamePattern(ids));
    expect(pattern.test('clamp keeps (x) in range')).toBe(true);
    expect(pattern.test('a.test.ts clamp keeps (x) in range')).toBe(true);
    expect(pattern.test('top')).toBe(true);
    expect(pattern.test('clamp keeps (x) in range too')).toBe(false);
    expect(pattern.test('stop')).toBe(false);
  });

  it('matches exact leaf titles', () => {
    const pattern = new RegExp(leafTitlePattern(ids));
    expect(pattern.test('keeps (x) in range')).toBe(true);
    expect(pattern.test('clamp')).toBe(false);
  });

  it('scopes to the files of the ids, within the files option', () => {
    expect(scopeFiles(ids, undefined)).toEqual(['a.test.ts', 'b.test.ts']);
    expect(scopeFiles(ids, ['b.test.ts'])).toEqual(['b.test.ts']);
    expect(scopeFiles(undefined, ['c.test.ts'])).toEqual(['c.test.ts']);
    expect(scopeFiles(undefined, undefined)).toBeUndefined();
  });
});

describe('exclusion patterns', () => {
  const a = { file: 'f', name: 'suite > spins' };
  it('match every name but the excluded full names', () => {
    const without = new RegExp(excludeFullNamePattern([a]));
    expect(without.test('suite spins')).toBe(false);
    expect(without.test('suite adds')).toBe(true);
  });
  it('match every leaf title but the excluded ones', () => {
    const without = new RegExp(excludeLeafTitlePattern([a]));
    expect([without.test('spins'), without.test('adds')]).toEqual([false, true]);
  });
});
