import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply-edit.js';
import { parseReply } from './parse-reply.js';
import { checkSyntax } from '../analysis/syntax-check.js';

const reply = (name: string): string => readFileSync(new URL(`../../fixtures/model-replies/${name}`, import.meta.url), 'utf8');

/** Parses a recorded reply and applies its edits to in-memory files, failing on any edit that does not apply. */
function applyReply(name: string, files: Record<string, string>): Record<string, string> {
  const parsed = parseReply(reply(name), { knownFiles: Object.keys(files) });
  if (parsed.status !== 'parsed') throw new Error(parsed.reason);
  const result = { ...files };
  for (const edit of parsed.edits) {
    const applied = applyEdit(result[edit.file] ?? '', edit);
    if (applied.status !== 'applied') throw new Error(applied.reason);
    result[edit.file] = applied.text;
  }
  return result;
}

describe('recorded model replies', () => {
  it('applies search/replace blocks to two files, re-indenting the one written flush left', () => {
    const files = applyReply('search-replace-two-files.md', {
      'src/math.ts': 'export function add(a: number, b: number): number {\n  return a - b;\n}\n',
      'src/clamp.ts': 'export function clamp(x: number, lo: number, hi: number): number {\n  return Math.max(hi, Math.min(lo, x));\n}\n',
    });
    expect(files['src/math.ts']).toContain('return a + b;');
    expect(files['src/clamp.ts']).toContain('\n  return Math.min(hi, Math.max(lo, x));\n');
    expect(checkSyntax('src/clamp.ts', files['src/clamp.ts'] ?? '')).toEqual({ ok: true });
  });

  it('applies a diff whose hunk headers point at the wrong lines', () => {
    const source = [
      "import { z } from 'zod';",
      '',
      'export function isAdult(age: number): boolean {',
      '  return age > 18;',
      '}',
      '',
      'export function label(age: number): string {',
      "  return isAdult(age) ? 'adult' : 'minor';",
      '}',
      '',
    ].join('\n');
    const files = applyReply('unified-diff-wrong-counts.md', { 'src/age.ts': source });
    expect(files['src/age.ts']).toContain('return age >= 18;');
    expect(files['src/age.ts']).toContain("  if (age < 0) throw new RangeError('age must not be negative');\n  return isAdult(age)");
    expect(checkSyntax('src/age.ts', files['src/age.ts'] ?? '')).toEqual({ ok: true });
  });

  it('refuses a whole file that elides the rest of the code', () => {
    expect(parseReply(reply('lazy-whole-file.md'))).toEqual({
      status: 'malformed',
      reason: 'the new content of src/math.ts elides code (`// ... rest of the file unchanged`); send the complete file, every line of it',
      problem: 'lazy',
    });
  });
});
