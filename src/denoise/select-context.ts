import type { ProjectView, TestExpectations } from '../core/denoiser.js';
import type { TestResult } from '../core/test-report.js';
import { summarizeDeclarations } from '../analysis/declaration-summary.js';
import type { DeclarationSource, SourceFile } from './prompt.js';
import { editTargets } from './edit-targets.js';
import { createImportResolver } from './workspace-imports.js';

export interface SelectedContext {
  readonly testSources: SourceFile[];
  /** Code shown whole, which the denoiser may edit. */
  readonly editableSources: SourceFile[];
  /** Code shown as declarations only (with `summarize`): reached by the tests, not expected to be edited. */
  readonly declarationSources: DeclarationSource[];
}

export interface SelectContextOptions {
  /** How many code files to show at most (default 8). */
  readonly maxEditable?: number;
  /** Show the code files that are not edit targets (see `editTargets`) as declaration summaries (default false). */
  readonly summarize?: boolean;
  /** What the tests expect: the modules it names are edit targets. */
  readonly expectations?: TestExpectations;
  /** Files shown whole whatever their role, such as those an earlier reply tried to edit from their declarations. */
  readonly whole?: ReadonlySet<string>;
}

export { relativeImports, resolveImport } from './resolve-import.js';

/** A summary must save this share of a file's text to replace it; less hides the bodies for little gain. */
const minSaving = 0.2;

/**
 * Chooses what the prompt shows: the failing tests' files, and the editable code they reach — files named in
 * failure frames first, then the modules the tests import (one level deep, then their imports). Imports of a
 * workspace package by name lead to that package's source entry. With `summarize`, code the denoiser is not
 * expected to edit is shown by its declarations when they are clearly shorter than its text.
 */
export async function selectContext(project: ProjectView, failures: readonly TestResult[], options: SelectContextOptions = {}): Promise<SelectedContext> {
  const files = new Set(project.files);
  const testFiles = unique(failures.map((f) => f.id.file).filter((f) => files.has(f)));
  const testSources = await readAll(project, testFiles);

  const ranked: string[] = [];
  for (const failure of failures) for (const frame of failure.failure?.frames ?? []) ranked.push(frame.file);
  const importsOf = createImportResolver(project, files);
  const directImports = new Map<string, string[]>();
  let frontier = testSources;
  for (let depth = 0; depth < 2; depth++) {
    const next: string[] = [];
    for (const source of frontier) {
      const imported = await importsOf(source.path, source.text);
      if (depth === 0)
        directImports.set(
          source.path,
          imported.filter((f) => files.has(f) && project.isEditable(f)),
        );
      next.push(...imported);
    }
    ranked.push(...next);
    frontier = await readAll(
      project,
      unique(next).filter((f) => !project.isTestFile(f)),
    );
  }
  const chosen = await readAll(
    project,
    unique(ranked)
      .filter((f) => files.has(f) && project.isEditable(f))
      .slice(0, options.maxEditable ?? 8),
  );
  if (options.summarize !== true) return { testSources, editableSources: chosen, declarationSources: [] };

  const targets = editTargets(failures, directImports, (f) => files.has(f) && project.isEditable(f), options.expectations);
  const editableSources: SourceFile[] = [];
  const declarationSources: DeclarationSource[] = [];
  for (const source of chosen) {
    const summary = targets.has(source.path) || options.whole?.has(source.path) === true ? undefined : summarizeDeclarations(source.path, source.text);
    if (summary?.status === 'summarized' && summary.text.length <= source.text.length * (1 - minSaving)) {
      declarationSources.push({ path: source.path, text: summary.text, wholeText: source.text });
    } else {
      editableSources.push(source);
    }
  }
  return { testSources, editableSources, declarationSources };
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
