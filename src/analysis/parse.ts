import ts from 'typescript';

/** The ScriptKind for a file name, by extension (`.tsx`/`.jsx` enable JSX; unknown extensions parse as TS). */
export function scriptKindFor(file: string): ts.ScriptKind {
  const ext = /\.[cm]?[jt]sx?$/i.exec(file)?.[0].toLowerCase() ?? '.ts';
  if (ext.endsWith('tsx')) return ts.ScriptKind.TSX;
  if (ext.endsWith('jsx')) return ts.ScriptKind.JSX;
  if (ext.endsWith('js')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Parses a source file with parent pointers set, so mutators and templates can walk upwards. */
export function parseSource(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
}

/** Syntax errors of a parsed file (the parser's own diagnostics; no program, no checker). */
export function syntaxErrors(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  // `parseDiagnostics` is internal but stable for a decade; a Program just to read it would cost ~50× more.
  return (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** The expression under `(x)`, `x as T`, `x!`, `<T>x` and `x satisfies T`: the value they all stand for. */
export function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}
