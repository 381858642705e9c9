import type { ProjectView } from '../core/denoiser.js';
import type { TestResult } from '../core/test-report.js';
import type { SourceFile } from './prompt.js';
import { createImportResolver } from './workspace-imports.js';

export interface SelectedContext {
  readonly testSources: SourceFile[];
  readonly editableSources: SourceFile[];
}

export { relativeImports, resolveImport } from './resolve-import.js';

/**
 * Chooses what the prompt shows: the failing tests' files, and the editable code they reach — files named in
 * failure frames first, then the modules the tests import (one level deep, then their imports). Imports of a
 * workspace package by name lead to that package's source entry.
 */
export async function selectContext(project: ProjectView, failures: readonly TestResult[], maxEditable = 8): Promise<SelectedContext> {
  const files = new Set(project.files);
  const testFiles = unique(failures.map((f) => f.id.file).filter((f) => files.has(f)));
  const testSources = await readAll(project, testFiles);

  const ranked: string[] = [];
  for (const failure of failures) for (const frame of failure.failure?.frames ?? []) ranked.push(frame.file);
  const importsOf = createImportResolver(project, files);
  let frontier = testSources;
  for (let depth = 0; depth < 2; depth++) {
    const next: string[] = [];
    for (const source of frontier) {
      next.push(...(await importsOf(source.path, source.text)));
    }
    ranked.push(...next);
    frontier = await readAll(
      project,
      unique(next).filter((f) => !project.isTestFile(f)),
    );
  }
  const editable = unique(ranked)
    .filter((f) => files.has(f) && project.isEditable(f))
    .slice(0, maxEditable);
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
