import ts from 'typescript';

/** The outcome of a syntax check: a 1-based position and a message that quotes the offending line. */
export type SyntaxCheckResult = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

const scriptExtensions = new Set(['ts', 'mts', 'cts', 'tsx', 'js', 'mjs', 'cjs', 'jsx']);

/**
 * Checks that a JS/TS file still parses (syntax only: no types, no module resolution), or that a JSON file is
 * valid (comments and trailing commas allowed in tsconfig/jsconfig files and `.jsonc`). Other files pass.
 */
export function checkSyntax(file: string, text: string): SyntaxCheckResult {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (scriptExtensions.has(extension)) return checkScript(file, text);
  if (extension === 'json' || extension === 'jsonc') return checkJson(file, text, extension === 'jsonc' || /(?:^|\/)[tj]sconfig[^/]*\.json$/.test(file));
  return { ok: true };
}

function checkScript(file: string, text: string): SyntaxCheckResult {
  // transpileModule reports the program's syntactic diagnostics, which for JS files include TS-only syntax
  // (type annotations) that the bare parser accepts; the script kind follows the file's extension.
  const { diagnostics = [] } = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve },
  });
  const first = diagnostics.find((diagnostic) => diagnostic.start !== undefined);
  if (!first) return { ok: true };
  return located(file, text, first.start ?? 0, ts.flattenDiagnosticMessageText(first.messageText, '\n'));
}

function checkJson(file: string, text: string, allowComments: boolean): SyntaxCheckResult {
  const { error } = ts.parseConfigFileTextToJson(file, text);
  if (error) return located(file, text, error.start ?? 0, ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  if (allowComments) return { ok: true };
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    // TypeScript's JSON parser accepts comments and trailing commas; JSON.parse does not, and names only an offset.
    const reason = error instanceof Error ? error.message : String(error);
    return located(file, text, Number(/position (\d+)/.exec(reason)?.[1] ?? 0), reason);
  }
}

function located(file: string, text: string, offset: number, reason: string): SyntaxCheckResult {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  return { ok: false, message: `${file}:${line}:${column}: ${reason}\n  ${line} | ${source}`, line, column };
}
