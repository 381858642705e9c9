import ts from 'typescript';

/** A compiler host that keeps every source file it parsed until told the file changed on disk. */
export interface VersionedHost {
  readonly host: ts.CompilerHost;
  /**
   * Re-reads `fileName` (absolute): when its text differs from the parsed one, the next program parses it anew
   * and the builder sees a new version. Returns whether it changed.
   */
  refresh(fileName: string): boolean;
}

/**
 * Parsing and binding are most of a fresh check's cost outside the checker: a host that hands the same
 * `SourceFile` back for an unchanged file lets the next program reuse it, and the builder program re-checks
 * only the files an edit can affect. Lib and dependency files are parsed once per session.
 */
export function createVersionedHost(options: ts.CompilerOptions): VersionedHost {
  const host = ts.createCompilerHost(options, true);
  const parsed = new Map<string, ts.SourceFile>();
  const versions = new Map<string, number>();
  const key = (fileName: string) => host.getCanonicalFileName(fileName);
  const parse = host.getSourceFile.bind(host);
  const getSourceFile: ts.CompilerHost['getSourceFile'] = (fileName, languageVersion, onError, shouldCreate) => {
    const cached = parsed.get(key(fileName));
    if (cached !== undefined && shouldCreate !== true) return cached;
    const sourceFile = parse(fileName, languageVersion, onError, shouldCreate);
    if (sourceFile === undefined) return undefined;
    // The builder program needs a version on every file (an internal field it asserts); one per re-read tells them apart.
    (sourceFile as ts.SourceFile & { version?: string }).version = String(versions.get(key(fileName)) ?? 0);
    parsed.set(key(fileName), sourceFile);
    return sourceFile;
  };
  return {
    host: Object.assign(host, { getSourceFile }),
    refresh(fileName) {
      const cached = parsed.get(key(fileName));
      const text = ts.sys.readFile(fileName);
      if (cached !== undefined && cached.text === text) return false;
      parsed.delete(key(fileName));
      versions.set(key(fileName), (versions.get(key(fileName)) ?? 0) + 1);
      return true;
    },
  };
}
