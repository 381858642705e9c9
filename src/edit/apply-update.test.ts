import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply-edit.js';
import type { Edit } from '../core/edits.js';

const update = (oldText: string, newText: string): Edit => ({ kind: 'update', file: 'src/math.ts', oldText, newText });

const source = `export function add(a: number, b: number): number {
  return a - b;
}

export function sub(a: number, b: number): number {
  return a - b;
}
`;

describe('applyEdit: update', () => {
  it('replaces a unique exact occurrence', () => {
    const result = applyEdit('const x = 1;\nconst y = 2;\n', update('const y = 2;', 'const y = 3;'));
    expect(result).toEqual({ status: 'applied', text: 'const x = 1;\nconst y = 3;\n' });
  });

  it('reports every line of an ambiguous occurrence', () => {
    const result = applyEdit(source, update('  return a - b;\n', '  return a + b;\n'));
    expect(result.status).toBe('ambiguous');
    if (result.status !== 'ambiguous') return;
    expect(result.lines).toEqual([2, 6]);
    expect(result.reason).toContain('occurs 2 times in src/math.ts (lines 2, 6)');
  });

  it('disambiguates with more context', () => {
    const result = applyEdit(source, update('add(a: number, b: number): number {\n  return a - b;', 'add(a: number, b: number): number {\n  return a + b;'));
    expect(result.status === 'applied' && result.text.split('\n')[1]).toBe('  return a + b;');
  });

  it('names the nearest lines when the text is not found', () => {
    const result = applyEdit(source, update('  return a * b;\n', '  return a + b;\n'));
    expect(result.status).toBe('no-match');
    if (result.status !== 'no-match') return;
    expect(result.nearestLines.slice(0, 2)).toEqual([2, 6]);
    expect(result.nearestLines.length).toBeLessThanOrEqual(3);
    expect(result.reason).toContain('SEARCH text not found in src/math.ts; closest lines: 2: `  return a - b;`');
  });

  it('compares against the first non-blank line of the SEARCH text', () => {
    const result = applyEdit('alpha\nbeta\ngamma\n', update('\n\nbetta\nzzz\n', 'x'));
    expect(result.status === 'no-match' && result.nearestLines[0]).toBe(2);
  });

  it('has no nearest lines in an empty file', () => {
    const result = applyEdit('', update('x', 'y'));
    expect(result).toMatchObject({ status: 'no-match', nearestLines: [] });
  });

  it('re-indents the replacement when the model dropped the indentation', () => {
    const file = 'class A {\n    run() {\n        return 1;\n    }\n}\n';
    const result = applyEdit(file, update('run() {\n    return 1;\n}', 'run() {\n    return 2;\n}'));
    expect(result).toEqual({
      status: 'applied',
      text: 'class A {\n    run() {\n        return 2;\n    }\n}\n',
      note: 'matched ignoring indentation (replacement re-indented by +4 spaces)',
    });
  });

  it('removes indentation when the model indented deeper than the file', () => {
    const file = 'if (x) {\n  go();\n}\n';
    const result = applyEdit(file, update('      go();\n', '      stop();\n\n      go();\n'));
    expect(result).toEqual({
      status: 'applied',
      text: 'if (x) {\n  stop();\n\n  go();\n}\n',
      note: 'matched ignoring indentation (replacement re-indented by -4 spaces)',
    });
  });

  it('tolerates trailing whitespace differences and says so', () => {
    const result = applyEdit('a = 1;   \nb = 2;\n', update('a = 1;\nb = 2;\n', 'a = 3;\nb = 2;\n'));
    expect(result).toEqual({ status: 'applied', text: 'a = 3;\nb = 2;\n', note: 'matched ignoring trailing whitespace' });
  });

  it('does not match when the indentation differs inconsistently', () => {
    const file = 'function f() {\n  if (x) {\n    y();\n  }\n}\n';
    const result = applyEdit(file, update('if (x) {\ny();\n}', 'z();'));
    expect(result.status).toBe('no-match');
  });

  it('is ambiguous when the indentation-tolerant match is not unique', () => {
    const file = 'a() {\n  x();\n  y();\n}\nb() {\n    x();\n    y();\n}\n';
    const result = applyEdit(file, update('x();\ny();', 'z();'));
    expect(result).toMatchObject({ status: 'ambiguous', lines: [2, 6] });
  });

  it('refuses an empty SEARCH text on a non-empty file', () => {
    const result = applyEdit(source, update('', 'x'));
    expect(result.status).toBe('refused');
    expect(result.status === 'refused' && result.reason).toContain('empty SEARCH text for src/math.ts');
  });

  it('creates content from an empty SEARCH text on an empty file', () => {
    expect(applyEdit('', update('', 'export const x = 1;\n'))).toMatchObject({ status: 'applied', text: 'export const x = 1;\n' });
  });

  it('matches CRLF files with LF edits and keeps CRLF endings', () => {
    const result = applyEdit('a();\r\nb();\r\nc();\r\n', update('b();\nc();\n', 'B();\nC();\n'));
    expect(result).toEqual({ status: 'applied', text: 'a();\r\nB();\r\nC();\r\n' });
  });

  it('matches LF files with CRLF edits and keeps LF endings', () => {
    const result = applyEdit('a();\nb();\n', update('a();\r\nb();\r\n', 'x();\r\n'));
    expect(result).toEqual({ status: 'applied', text: 'x();\n' });
  });

  it('re-indents inside CRLF files', () => {
    const result = applyEdit('{\r\n  a();\r\n  b();\r\n}\r\n', update('a();\nb();', 'c();'));
    expect(result).toMatchObject({ status: 'applied', text: '{\r\n  c();\r\n}\r\n', note: expect.stringContaining('+2 spaces') });
  });
});
