import { posix } from 'node:path';
import type { ProjectView } from '../denoise/denoiser.js';
import type { TestResult } from '../runner/types.js';
import type { SourceFile } from './prompt.js';

export interface SelectedContext {
  readonly testSources: SourceFile[];
  readonly editableSources: SourceFile[];
}

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const candidateExtensions = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Relative module specifiers a source file imports. Pure. */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(importPattern)].map((m) => m[1] as string);
}

/** Resolves a relative specifier against the importing file to an existing project file, TS-aware (`./x.js` → `x.ts`). Pure. */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const stems = [base, base.replace(/\.(c|m)?jsx?$/, '')];
  for (const stem of stems) {
    for (const ext of candidateExtensions) {
      if (files.has(stem + ext)) return stem + ext;
      if (files.has(`${stem}/index${ext}`) && ext !== '') return `${stem}/index${ext}`;
    }
  }
  return undefined;
}

/**
 * Chooses what the prompt shows: the failing tests' files, and the editable code they reach — files named in
 * failure frames first, then the modules the tests import (one level deep, then their imports).
 */
export async function selectContext(project: ProjectView, failures: readonly TestResult[], maxEditable = 8): Promise<SelectedContext> {
  const files = new Set(project.files);
  const testFiles = unique(failures.map((f) => f.id.file).filter((f) => files.has(f)));
  const testSources = await readAll(project, testFiles);

  const ranked: string[] = [];
  for (const failure of failures) for (const frame of failure.failure?.frames ?? []) ranked.push(frame.file);
  let frontier = testSources;
  for (let depth = 0; depth < 2; depth++) {
    const next: string[] = [];
    for (const source of frontier) {
      for (const specifier of relativeImports(source.text)) {
        const resolved = resolveImport(source.path, specifier, files);
        if (resolved !== undefined) next.push(resolved);
      }
    }
    ranked.push(...next);
    frontier = await readAll(project, unique(next).filter((f) => !project.isTestFile(f)));
  }
  const editable = unique(ranked).filter((f) => files.has(f) && project.isEditable(f)).slice(0, maxEditable);
  return { testSources, editableSources: await readAll(project, editable) };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

async function readAll(project: ProjectView, paths: readonly string[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const path of paths) {
    const text = await project.read(path);
    if (text !== undefined) out.push({ path, text });
  }
  return out;
}
