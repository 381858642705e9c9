import { describe, expect, it } from 'vitest';
import { diffHeaderPath, normalizePath, pathFromLine } from './normalize-path.js';

describe('normalizePath', () => {
  it('strips ./ and turns backslashes into slashes', () => {
    expect(normalizePath('./src\\math.ts')).toBe('src/math.ts');
    expect(normalizePath('././a//b.ts')).toBe('a/b.ts');
  });

  it('resolves a unique suffix among known files', () => {
    expect(normalizePath('math.ts', ['src/math.ts', 'src/main.ts'])).toBe('src/math.ts');
    expect(normalizePath('/home/me/proj/src/math.ts', ['src/math.ts'])).toBe('src/math.ts');
  });

  it('keeps the path when the suffix is ambiguous or unknown', () => {
    expect(normalizePath('math.ts', ['src/math.ts', 'lib/math.ts'])).toBe('math.ts');
    expect(normalizePath('src/new.ts', ['src/math.ts'])).toBe('src/new.ts');
    expect(normalizePath('ath.ts', ['src/math.ts'])).toBe('ath.ts');
  });
});

describe('diffHeaderPath', () => {
  it('strips git prefixes and timestamps', () => {
    expect(diffHeaderPath('b/src/a.ts')).toBe('src/a.ts');
    expect(diffHeaderPath('src/a.ts\t2024-01-01 10:00:00')).toBe('src/a.ts');
    expect(diffHeaderPath('/dev/null')).toBe('/dev/null');
  });
});

describe('pathFromLine', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['**src/a.ts**', 'src/a.ts'],
    ['`src/a.ts`', 'src/a.ts'],
    ['File: `src/a.ts`', 'src/a.ts'],
    ['// src/a.ts', 'src/a.ts'],
    ['/* src/a.ts */', 'src/a.ts'],
    ['<!-- docs/a.md -->', 'docs/a.md'],
    ['src/a.ts:', 'src/a.ts'],
    ['Update `src/a.ts` like this:', 'src/a.ts'],
    ['Makefile.in', 'Makefile.in'],
  ])('reads %s', (line, path) => {
    expect(pathFromLine(line)).toBe(path);
  });

  it.each([['Here is the fix:'], ['Compare `a.ts` and `b.ts`:'], ['I changed `src/a.ts`.'], ['3.14'], ['https://example.com/a.ts'], ['...']])(
    'finds no path in %s',
    (line) => {
      expect(pathFromLine(line)).toBeUndefined();
    },
  );
});
