import { describe, expect, it } from 'vitest';
import { checkSyntax, parsesCleanly } from './syntax-check.js';

describe('checkSyntax', () => {
  it('accepts valid TypeScript', () => {
    expect(checkSyntax('src/math.ts', 'export const add = (a: number, b: number): number => a + b;\n')).toEqual({ ok: true });
  });

  it('reports the first syntax error with its line, column and source line', () => {
    const text = 'export function add(a: number, b: number) {\n  const sum = 1;\n  return (a + b;\n}\n';
    expect(checkSyntax('src/math.ts', text)).toEqual({
      ok: false,
      line: 3,
      column: 16,
      message: "src/math.ts:3:16: ')' expected.\n  3 |   return (a + b;",
    });
  });

  it('does not report type errors', () => {
    expect(checkSyntax('src/a.ts', 'const x: number = "text";\n')).toEqual({ ok: true });
  });

  it.each([
    ['a.tsx', 'export const A = () => <div>{1}</div>;'],
    ['a.jsx', 'export const A = () => <div />;'],
    ['a.mjs', 'export default 1;'],
    ['a.cjs', 'module.exports = 1;'],
    ['a.mts', 'export const a: number = 1;'],
    ['a.cts', 'export const a: number = 1;'],
  ])('parses %s with its own script kind', (file, text) => {
    expect(checkSyntax(file, text)).toEqual({ ok: true });
  });

  it('rejects type annotations in plain JavaScript', () => {
    expect(checkSyntax('a.js', 'const a: number = 1;\n')).toMatchObject({ ok: false, line: 1 });
  });

  it.each([
    ['interface A { a: number }', 'interface'],
    ['type A = number;', 'Type aliases'],
    ['enum E { A }', 'Enum'],
    ['const a = b as number;', 'Type assertion'],
    ['const a = b!;', 'Non-null'],
    ['class A implements B {}', 'implements'],
    ['function f<T>(x) { return x; }', 'Type parameter'],
    ['class A { private x = 1; }', 'private'],
    ['function f(x?) {}', "'?'"],
  ])('rejects TypeScript-only syntax in a .js file: %s', (text, words) => {
    const result = checkSyntax('a.js', `${text}\n`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(words);
    expect(parsesCleanly('a.js', `${text}\n`)).toBe(false);
    expect(parsesCleanly('a.ts', `${text}\n`)).toBe(true);
  });

  it('accepts JSDoc types and everything else JavaScript has in a .js file', () => {
    expect(
      checkSyntax(
        'a.js',
        '/** @type {number} */\nconst a = 1;\nclass A { #x = 1; static y = 2; get z() { return this.#x; } }\nconst f = async (x = 1, ...rest) => x ?? rest;\n',
      ),
    ).toEqual({ ok: true });
  });

  it('rejects JSX in .ts files', () => {
    expect(checkSyntax('a.ts', 'const a = <div></div>;\n')).toMatchObject({ ok: false });
  });

  it('checks CRLF files and quotes the line without its CR', () => {
    const result = checkSyntax('a.ts', 'const a = 1;\r\nconst b = ;\r\n');
    expect(result).toMatchObject({ ok: false, line: 2, column: 11 });
    expect(!result.ok && result.message.endsWith('2 | const b = ;')).toBe(true);
  });

  it('checks JSON strictly', () => {
    expect(checkSyntax('package.json', '{ "a": 1 }')).toEqual({ ok: true });
    expect(checkSyntax('package.json', '{\n  "a": 1,\n}')).toMatchObject({ ok: false, line: 3 });
    expect(checkSyntax('data.json', '{\n  "a": \n}')).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  it('allows comments and trailing commas in tsconfig files and .jsonc', () => {
    expect(checkSyntax('tsconfig.json', '{\n  // strict\n  "strict": true,\n}')).toEqual({ ok: true });
    expect(checkSyntax('.vscode/settings.jsonc', '{ /* x */ "a": 1, }')).toEqual({ ok: true });
  });

  it('does not check other files', () => {
    expect(checkSyntax('README.md', '```ts\n(((\n')).toEqual({ ok: true });
    expect(checkSyntax('calc.py', 'def f(:\n')).toEqual({ ok: true });
  });
});
