import { describe, expect, it } from 'vitest';
import { summarizeDeclarations } from './declaration-summary.js';

function summary(file: string, text: string): string {
  const result = summarizeDeclarations(file, text);
  if (result.status !== 'summarized') throw new Error(`expected a summary of ${file}: ${result.reason}`);
  return result.text;
}

describe('summarizeDeclarations', () => {
  it('keeps signatures and JSDoc of TypeScript exports, drops bodies and unexported code', () => {
    const text = [
      "import { helper } from './helper.js';",
      '/** Adds two numbers. */',
      'export function add(a: number, b: number): number { return a + b + helper(); }',
      'export const rate = 0.2;',
      'export const double = (x: number) => x * 2;',
      'export interface Item { name: string }',
      'export type Id = string | number;',
      'function internal() { return 42; }',
    ].join('\n');
    expect(summary('src/a.ts', text)).toBe(
      [
        '/** Adds two numbers. */',
        'export declare function add(a: number, b: number): number;',
        'export declare const rate = 0.2;',
        'export declare const double: (x: number) => number;',
        'export interface Item {',
        '    name: string;',
        '}',
        'export type Id = string | number;',
        '',
      ].join('\n'),
    );
  });

  it('leaves a return type it cannot read alone unstated rather than `any`', () => {
    expect(summary('src/a.ts', "import { helper } from './h.js';\nexport function f(x: number) { return helper(x); }\n")).toBe(
      'export declare function f(x: number);\n',
    );
  });

  it('omits private members of classes, # fields and parameter properties alike', () => {
    const text = [
      '/** A cart. */',
      'export class Cart {',
      '  private items: string[] = [];',
      '  #secret = 1;',
      '  constructor(private readonly owner: string, public size: number) {}',
      '  /** Adds an item. */',
      '  add(item: string): void { this.items.push(item); }',
      '  private recount(): number { return this.items.length; }',
      '}',
    ].join('\n');
    const out = summary('src/cart.ts', text);
    expect(out).toContain('constructor(owner: string, size: number);');
    expect(out).toContain('    size: number;');
    expect(out).toContain('    /** Adds an item. */\n    add(item: string): void;');
    expect(out).not.toMatch(/items|secret|#private|recount|private/);
  });

  it('keeps overload signatures and drops the implementation signature', () => {
    const text =
      'export function parse(x: string): number;\nexport function parse(x: number): string;\nexport function parse(x: unknown): unknown { return x; }\n';
    expect(summary('src/p.ts', text)).toBe('export declare function parse(x: string): number;\nexport declare function parse(x: number): string;\n');
  });

  it('keeps default exports and re-exports', () => {
    const text = "export { helper } from './helper.js';\nexport * from './types.js';\nexport default function main(): number { return 1; }\n";
    expect(summary('src/index.ts', text)).toBe("export { helper } from './helper.js';\nexport * from './types.js';\nexport default function main(): number;\n");
  });

  it('reads the types of JavaScript exports from JSDoc, CommonJS included', () => {
    const esm = '/**\n * Multiplies.\n * @param {number} a\n * @param {number} b\n * @returns {number}\n */\nexport function mul(a, b) { return a * b; }\n';
    expect(summary('src/mul.js', esm)).toContain(' */\nexport function mul(a: number, b: number): number;');
    const cjs = '/** @param {string} s @returns {string} */\nfunction shout(s) { return s.toUpperCase(); }\nmodule.exports = { shout };\n';
    expect(summary('lib/shout.cjs', cjs)).toContain('export function shout(s: string): string;');
    expect(summary('src/view.jsx', '/** @param {{ name: string }} props */\nexport function Hello(props) { return <p>{props.name}</p>; }\n')).toContain(
      'export function Hello(props: {',
    );
  });

  it('gives no summary for a file that does not parse or exports nothing it can show', () => {
    expect(summarizeDeclarations('src/broken.ts', 'export function f( { return 1')).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/^src\/broken\.ts does not parse: /) as unknown,
    });
    expect(summarizeDeclarations('lib/index.js', "module.exports = require('./impl');\n")).toEqual({
      status: 'unavailable',
      reason: 'lib/index.js exports nothing a declaration can show',
    });
  });
});
