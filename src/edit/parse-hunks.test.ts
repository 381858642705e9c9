import { describe, expect, it } from 'vitest';
import { parseHunks } from './parse-hunks.js';

describe('parseHunks', () => {
  it('reads hunks, ignoring file headers and wrong counts', () => {
    const diff = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3,9 +3,1 @@ function f\n a\n-b\n+c\n\\ No newline at end of file\n@@ -20,0 +21,1 @@\n+d\n';
    expect(parseHunks(diff)).toEqual([
      { header: '@@ -3,9 +3,1 @@ function f', oldStart: 3, insertAfter: false, oldLines: ['a', 'b'], newLines: ['a', 'c'] },
      { header: '@@ -20,0 +21,1 @@', oldStart: 20, insertAfter: true, oldLines: [], newLines: ['d'] },
    ]);
  });

  it('reads a body without a header and unprefixed context lines', () => {
    expect(parseHunks('a\n-b\n+c\n\n')).toEqual([{ header: '', insertAfter: false, oldLines: ['a', 'b'], newLines: ['a', 'c'] }]);
  });

  it('keeps a removed line that looks like a header when no +++ follows', () => {
    expect(parseHunks('@@ -1 +1 @@\n--- SQL comment\n+-- new comment\n')[0]?.oldLines).toEqual(['-- SQL comment']);
  });
});
