import ts from 'typescript';

/** Checks candidate file texts against the baseline type errors of a project. */
export interface TypePruner {
  /** False when `text` (a new version of `file`) has more type errors in `file` than the original had. */
  accept(file: string, text: string): boolean;
  /** Baseline error count of `file` (semantic + syntactic). */
  baseline(file: string): number;
}

/**
 * A type checker reused across candidates: one LanguageService over an in-memory overlay of the project,
 * so each check re-checks one file incrementally instead of building a Program. Only the changed file's
 * diagnostics are compared (errors a change causes in importers are not seen: the tests will catch those).
 */
export function createTypePruner(options: {
  readonly compilerOptions: ts.CompilerOptions;
  readonly rootFiles: readonly string[];
  readonly readFile?: (path: string) => string | undefined;
}): TypePruner {
  const overlay = new Map<string, { text: string; version: number }>();
  const read = options.readFile ?? ts.sys.readFile;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options.compilerOptions,
    getScriptFileNames: () => [...options.rootFiles],
    getScriptVersion: (file) => String(overlay.get(file)?.version ?? 0),
    getScriptSnapshot: (file) => {
      const text = overlay.get(file)?.text ?? read(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => process.cwd(),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => overlay.has(file) || ts.sys.fileExists(file),
    readFile: (file) => overlay.get(file)?.text ?? read(file),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const baselines = new Map<string, number>();
  const errorCount = (file: string): number => service.getSyntacticDiagnostics(file).length + service.getSemanticDiagnostics(file).length;
  const baseline = (file: string): number => {
    let count = baselines.get(file);
    if (count === undefined) baselines.set(file, (count = errorCount(file)));
    return count;
  };
  let version = 0;
  return {
    baseline,
    accept(file, text) {
      const before = baseline(file);
      const original = overlay.get(file);
      overlay.set(file, { text, version: ++version });
      try {
        return errorCount(file) <= before;
      } finally {
        if (original) overlay.set(file, original);
        else overlay.set(file, { text: read(file) ?? '', version: ++version });
      }
    },
  };
}
