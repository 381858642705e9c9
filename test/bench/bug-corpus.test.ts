import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { BugSpec } from '../../bench/bugs/lib/corpus.js';
import { DEFECT_CATEGORIES, countOccurrences, listBugDirs, loadBugSpec, replaceOnce } from '../../bench/bugs/lib/corpus.js';

// Static checks only: the dynamic check (running every suite) is scripts/check-bugs.ts.

interface Entry {
  name: string;
  dir: string;
  spec: BugSpec;
}

const dirs = await listBugDirs();
const entries: Entry[] = [];
const invalid: string[] = [];
for (const dir of dirs) {
  const loaded = await loadBugSpec(dir);
  if (loaded.status === 'ok') entries.push({ name: basename(dir), dir, spec: loaded.spec });
  else invalid.push(`${basename(dir)}: ${loaded.message}`);
}

/** Syntax errors of a TypeScript file, as `line:col message`. */
function syntaxErrors(source: string, fileName: string): string[] {
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return (out.diagnostics ?? []).map((d) => {
    const pos = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${pos === undefined ? '' : `${pos.line + 1}:${pos.character + 1} `}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

async function testFiles(dir: string, sub: 'test' | 'heldout'): Promise<string[]> {
  const suffix = sub === 'test' ? '.test.ts' : '.heldout.test.ts';
  return existsSync(join(dir, sub)) ? (await readdir(join(dir, sub))).filter((f) => f.endsWith(suffix)) : [];
}

describe('bug corpus', () => {
  it('has at least 44 bugs, all with a valid bug.json', () => {
    expect(invalid).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(44);
  });

  it('has unique ids that match the directory names', () => {
    expect(entries.filter((e) => e.spec.id !== e.name).map((e) => e.name)).toEqual([]);
    expect(new Set(entries.map((e) => e.spec.id)).size).toBe(entries.length);
  });

  it('covers every defect category', () => {
    const present = new Set(entries.map((e) => e.spec.defect));
    expect(DEFECT_CATEGORIES.filter((c) => !present.has(c))).toEqual([]);
  });

  describe.each(entries)('$name', ({ dir, spec }) => {
    it('holds its project files', () => {
      for (const file of ['package.json', 'vitest.config.ts', 'vitest.heldout.config.ts', spec.module]) {
        expect(existsSync(join(dir, file)), file).toBe(true);
      }
    });

    it('contains the buggy text exactly once, and the fix differs from it', async () => {
      const source = await readFile(join(dir, spec.module), 'utf8');
      expect(countOccurrences(source, spec.buggy)).toBe(1);
      expect(spec.fixed).not.toBe(spec.buggy);
    });

    it('parses before and after the fix', async () => {
      const source = await readFile(join(dir, spec.module), 'utf8');
      expect(syntaxErrors(source, spec.module)).toEqual([]);
      const fixed = replaceOnce(source, spec.buggy, spec.fixed);
      expect(fixed.status).toBe('applied');
      if (fixed.status === 'applied') expect(syntaxErrors(fixed.source, spec.module)).toEqual([]);
    });

    it('has visible and held-out suites that parse and import the module', async () => {
      const importPath = `../${spec.module.replace(/\.ts$/, '.js')}`;
      for (const sub of ['test', 'heldout'] as const) {
        const files = await testFiles(dir, sub);
        expect(files.length, `${sub}/ suites`).toBeGreaterThan(0);
        for (const file of files) {
          const source = await readFile(join(dir, sub, file), 'utf8');
          expect(syntaxErrors(source, file)).toEqual([]);
          expect(source).toContain(`from '${importPath}'`);
        }
      }
    });
  });
});
