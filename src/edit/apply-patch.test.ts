import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply-edit.js';
import type { Edit } from '../core/edits.js';

const patch = (diff: string): Edit => ({ kind: 'patch', file: 'src/calc.ts', diff });

const lines = (count: number): string => Array.from({ length: count }, (_, i) => `line ${i + 1};`).join('\n') + '\n';

describe('applyEdit: patch', () => {
  it('applies a correct hunk', () => {
    const diff = '--- a/src/calc.ts\n+++ b/src/calc.ts\n@@ -2,3 +2,3 @@\n line 2;\n-line 3;\n+LINE 3;\n line 4;\n';
    const result = applyEdit(lines(5), patch(diff));
    expect(result).toEqual({ status: 'applied', text: 'line 1;\nline 2;\nLINE 3;\nline 4;\nline 5;\n' });
  });

  it('locates hunks whose line numbers and counts are wrong', () => {
    const diff = '@@ -40,7 +41,9 @@\n line 7;\n-line 8;\n+line eight;\n+line 8.5;\n line 9;\n';
    const result = applyEdit(lines(10), patch(diff));
    expect(result.status === 'applied' && result.text.split('\n').slice(6, 10)).toEqual(['line 7;', 'line eight;', 'line 8.5;', 'line 9;']);
  });

  it('accepts hunks without numbers and bodies without any @@ header', () => {
    expect(applyEdit(lines(3), patch('@@ ... @@\n line 1;\n-line 2;\n+two;\n'))).toMatchObject({ status: 'applied', text: 'line 1;\ntwo;\nline 3;\n' });
    expect(applyEdit(lines(3), patch(' line 2;\n-line 3;\n+three;\n'))).toMatchObject({ status: 'applied', text: 'line 1;\nline 2;\nthree;\n' });
  });

  it('applies several hunks in order, each located after the previous one', () => {
    const file = 'a\nx\nb\nc\nx\nd\n';
    const diff = '@@ -2,1 +2,1 @@\n-x\n+y\n@@ -50,1 +50,1 @@\n-x\n+z\n';
    // Both hunks match two places alone: the first is placed by its line number, the second by order.
    expect(applyEdit(file, patch(diff))).toMatchObject({ status: 'applied', text: 'a\ny\nb\nc\nz\nd\n' });
  });

  it('keeps later hunks right after earlier ones changed the line count', () => {
    const diff = '@@ -1,2 +1,4 @@\n line 1;\n+new a;\n+new b;\n line 2;\n@@ -8,2 +10,1 @@\n line 8;\n-line 9;\n';
    const result = applyEdit(lines(10), patch(diff));
    expect(result.status === 'applied' && result.text).toBe(
      'line 1;\nnew a;\nnew b;\nline 2;\nline 3;\nline 4;\nline 5;\nline 6;\nline 7;\nline 8;\nline 10;\n',
    );
  });

  it('names the hunk that does not apply and the closest lines', () => {
    const diff = '@@ -1,2 +1,2 @@\n line 1;\n-line 2;\n+two;\n@@ -10,4 +10,5 @@\n line 7;\n-line 88;\n+eight;\n';
    const result = applyEdit(lines(10), patch(diff));
    expect(result.status).toBe('no-match');
    if (result.status !== 'no-match') return;
    expect(result.reason).toMatch(
      /^hunk 2 \(@@ -10,4 \+10,5 @@\) does not apply to src\/calc\.ts: its context lines were not found; closest lines: 7: `line 7;`/,
    );
    expect(result.nearestLines[0]).toBe(7);
  });

  it('is ambiguous when the context matches twice away from the stated line', () => {
    const file = 'a\nreturn x;\nb\nreturn x;\n';
    const result = applyEdit(file, patch('@@ -30,1 +30,1 @@\n-return x;\n+return y;\n'));
    expect(result).toMatchObject({ status: 'ambiguous', lines: [2, 4] });
    expect(result.status === 'ambiguous' && result.reason).toContain('hunk 1 (@@ -30,1 +30,1 @@) matches 2 places in src/calc.ts (lines 2, 4)');
  });

  it('takes the match at the stated line when the context matches twice', () => {
    const result = applyEdit('a\nreturn x;\nb\nreturn x;\n', patch('@@ -4,1 +4,1 @@\n-return x;\n+return y;\n'));
    expect(result).toMatchObject({ status: 'applied', text: 'a\nreturn x;\nb\nreturn y;\n' });
  });

  it('tolerates trailing whitespace and blank context lines without their space', () => {
    const file = 'function f() {   \n\n  return 1;\n}\n';
    const diff = '@@ -1,4 +1,4 @@\n function f() {\n\n-  return 1;\n+  return 2;\n }\n';
    expect(applyEdit(file, patch(diff))).toMatchObject({
      status: 'applied',
      text: 'function f() {\n\n  return 2;\n}\n',
      note: expect.stringContaining('trailing whitespace'),
    });
  });

  it('creates a new file from a /dev/null diff', () => {
    const diff = '--- /dev/null\n+++ b/src/new.ts\n@@ -0,0 +1,2 @@\n+export const a = 1;\n+export const b = 2;\n';
    expect(applyEdit('', patch(diff))).toEqual({ status: 'applied', text: 'export const a = 1;\nexport const b = 2;\n' });
  });

  it('inserts a context-free hunk after the stated line', () => {
    expect(applyEdit(lines(3), patch('@@ -2,0 +3,1 @@\n+inserted;\n'))).toMatchObject({ status: 'applied', text: 'line 1;\nline 2;\ninserted;\nline 3;\n' });
  });

  it('cannot place a context-free hunk without a line number', () => {
    expect(applyEdit(lines(3), patch('@@ @@\n+inserted;\n'))).toMatchObject({ status: 'no-match', reason: expect.stringContaining('no context lines') });
  });

  it('refuses a diff without hunks', () => {
    expect(applyEdit(lines(3), patch('--- a/src/calc.ts\n+++ b/src/calc.ts\n'))).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('no hunks'),
    });
  });

  it('keeps CRLF endings', () => {
    const result = applyEdit('a\r\nb\r\nc\r\n', patch('@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n'));
    expect(result).toEqual({ status: 'applied', text: 'a\r\nB\r\nc\r\n' });
  });

  it('ignores "no newline at end of file" markers', () => {
    const result = applyEdit('a\nb', patch('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n'));
    expect(result).toEqual({ status: 'applied', text: 'a\nc' });
  });
});
