import { isAbsolute, join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { TypeDiagnostic } from '../../core/attempts.js';
import { formatDiagnostic } from './format-diagnostic.js';
import { introducedDiagnostics } from './introduced-diagnostics.js';
import type { TypecheckConfig } from './typecheck-config.js';
import { readTypecheckConfig } from './typecheck-config.js';
import { createVersionedHost } from './versioned-host.js';

/** A type error found by a session, with the text a reader needs: position, code, message and the lines around it. */
export interface FoundDiagnostic {
  readonly diagnostic: TypeDiagnostic;
  /** `file:line:col - error TS<code>: message` and the offending lines with carets (see format-diagnostic.ts). */
  readonly formatted: string;
}

/** The outcome of re-checking a project after an edit. */
export interface TypecheckResult {
  /** Diagnostics the project did not have at the baseline, in file order. */
  readonly introduced: readonly FoundDiagnostic[];
  /** How many diagnostics the project has now, introduced or not. */
  readonly total: number;
}

/** Type-checks one project directory again and again as edits land in it, against the diagnostics it started with. */
export interface TypecheckSession {
  /** The config file the session reads its compiler options from, relative to the root. */
  readonly configFile: string;
  /** The diagnostics of the project when the session started. */
  readonly baseline: readonly TypeDiagnostic[];
  /**
   * Re-checks the project after `changed` (root-relative files, written, created or deleted on disk) and returns
   * the diagnostics not in the baseline. Files changed by earlier calls are re-read too, so a reverted edit needs
   * no call of its own. Reuses everything the edit did not touch: parsed files and the diagnostics of files
   * the edit cannot affect. The baseline stays the project as the session found it: errors an earlier edit
   * introduced and that stayed are reported again. The compiler options are read once; a later edit of the
   * tsconfig.json does not change them.
   */
  check(changed: readonly string[]): TypecheckResult;
}

export type TypecheckSessionResult = { readonly status: 'on'; readonly session: TypecheckSession } | { readonly status: 'off'; readonly reason: string };

export interface TypecheckSessionOptions {
  /** The directory diagnostics' paths are relative to and project files lie under (the sandbox root). */
  readonly root: string;
  /** Where the project's tsconfig.json is looked for, when it is not the root (a package of a workspace). */
  readonly projectDir?: string;
  /**
   * Root-relative files the check leaves out unless a checked file imports them: the loop leaves out the test
   * files, which their runners do not type-check and whose framework declarations are most of a fresh check.
   */
  readonly skip?: (file: string) => boolean;
}

/**
 * Opens a session on the project at `root` and takes its baseline (a full check, the one expensive call).
 * Only files of the project count: not lib files, not dependencies (the sandbox's node_modules entries are
 * links whose real paths lie outside it, and anything under a node_modules is left out as well). Off when the
 * project has no config to check with (see `readTypecheckConfig`).
 */
export function openTypecheckSession(options: TypecheckSessionOptions): TypecheckSessionResult {
  const config = readTypecheckConfig(options.projectDir ?? options.root, options.root);
  if (config.status === 'off') return config;
  const session = createSession(options.root, config, options.skip ?? (() => false));
  return { status: 'on', session };
}

function createSession(root: string, config: Extract<TypecheckConfig, { status: 'on' }>, skip: (file: string) => boolean): TypecheckSession {
  const { host, refresh } = createVersionedHost(config.options);
  const touched = new Set<string>();
  const skipped = (name: string) => skip(relative(root, name).split(sep).join('/'));
  const rootNames = new Set(config.rootNames.filter((name) => !skipped(name)));
  let builder: ts.SemanticDiagnosticsBuilderProgram | undefined;

  const rebuild = () => {
    const names = [...rootNames].filter((name) => host.fileExists(name));
    builder = ts.createSemanticDiagnosticsBuilderProgram(names, config.options, host, builder, undefined, config.projectReferences);
    return builder;
  };
  const collect = (): FoundDiagnostic[] => {
    const current = rebuild();
    // Walking the affected files first drops the cached diagnostics of every file the edit can change.
    while (current.getSemanticDiagnosticsOfNextAffectedFile() !== undefined);
    const program = current.getProgram();
    const found: FoundDiagnostic[] = [];
    for (const sourceFile of program.getSourceFiles()) {
      if (!isProjectFile(root, program, sourceFile)) continue;
      const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...current.getSemanticDiagnostics(sourceFile)];
      for (const d of diagnostics) if (d.category === ts.DiagnosticCategory.Error) found.push(toFound(root, sourceFile, d));
    }
    return found;
  };
  const baseline = collect().map((f) => f.diagnostic);
  return {
    configFile: relative(root, config.configFile),
    baseline,
    check(changed) {
      for (const file of changed) {
        const absolute = toTsPath(isAbsolute(file) ? file : join(root, file));
        touched.add(absolute);
        if (isCheckable(absolute) && !skipped(absolute)) rootNames.add(absolute);
      }
      for (const file of touched) refresh(file);
      const current = collect();
      return {
        introduced: introducedDiagnostics(
          baseline,
          current.map((f) => f.diagnostic),
        ).map(findOriginal(current)),
        total: current.length,
      };
    },
  };
}

/** Maps the plain diagnostics `introducedDiagnostics` returns back to their formatted originals. */
function findOriginal(found: readonly FoundDiagnostic[]): (diagnostic: TypeDiagnostic) => FoundDiagnostic {
  const byDiagnostic = new Map(found.map((f) => [f.diagnostic, f] as const));
  return (diagnostic) => byDiagnostic.get(diagnostic) ?? { diagnostic, formatted: diagnostic.message };
}

function toFound(root: string, sourceFile: ts.SourceFile, d: ts.Diagnostic): FoundDiagnostic {
  const start = d.start ?? 0;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  const diagnostic: TypeDiagnostic = {
    file: relative(root, sourceFile.fileName).split(sep).join('/'),
    line: line + 1,
    column: character + 1,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  };
  return { diagnostic, formatted: formatDiagnostic(diagnostic, sourceFile.text, d.length ?? 1) };
}

function isProjectFile(root: string, program: ts.Program, sourceFile: ts.SourceFile): boolean {
  if (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile)) return false;
  const rel = relative(root, sourceFile.fileName);
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  return !rel.split(/[\\/]/).includes('node_modules');
}

/** A created file worth adding to the program's roots: TypeScript or JavaScript source, not a declaration's output. */
function isCheckable(file: string): boolean {
  return /\.(?:[cm]?tsx?|[cm]?jsx?)$/.test(file) && !file.split('/').includes('node_modules');
}

/** TypeScript names files with forward slashes on every platform. */
function toTsPath(file: string): string {
  return file.split(sep).join('/');
}
