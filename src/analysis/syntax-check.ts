import ts from 'typescript';
import { scriptKindFor, syntaxErrors } from './parse.js';

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

/**
 * True when `text` parses as `file`: the one syntax check, for the built-in engine's thousands of candidates
 * as for a model's edits (the same rules, at the cost of a parse).
 */
export function parsesCleanly(file: string, text: string): boolean {
  return checkSyntax(file, text).ok;
}

function checkScript(file: string, text: string): SyntaxCheckResult {
  const kind = scriptKindFor(file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX, kind);
  const first = syntaxErrors(source)[0];
  if (first !== undefined) return located(file, text, first.start, ts.flattenDiagnosticMessageText(first.messageText, '\n'));
  // The parser accepts TypeScript syntax in a JavaScript file; the compiler reports it afterwards. So do we.
  const typeScriptOnly = kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX ? findTypeScriptSyntax(source) : undefined;
  if (typeScriptOnly !== undefined) return located(file, text, typeScriptOnly.node.getStart(source), typeScriptOnly.message);
  return { ok: true };
}

/** The first piece of TypeScript-only syntax in a JavaScript file, with the compiler's words for it. */
function findTypeScriptSyntax(source: ts.SourceFile): { readonly node: ts.Node; readonly message: string } | undefined {
  let found: { node: ts.Node; message: string } | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    const message = typeScriptOnly(node);
    if (message !== undefined) {
      found = { node, message };
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function typeScriptOnly(node: ts.Node): string | undefined {
  if (ts.isInterfaceDeclaration(node)) return "'interface' declarations can only be used in TypeScript files.";
  if (ts.isTypeAliasDeclaration(node)) return 'Type aliases can only be used in TypeScript files.';
  if (ts.isEnumDeclaration(node)) return 'Enum declarations can only be used in TypeScript files.';
  if (ts.isModuleDeclaration(node)) return 'Namespace declarations can only be used in TypeScript files.';
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node))
    return 'Type assertion expressions can only be used in TypeScript files.';
  if (ts.isNonNullExpression(node)) return 'Non-null assertions can only be used in TypeScript files.';
  if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword) return "'implements' clauses can only be used in TypeScript files.";
  if ('typeParameters' in node && Array.isArray(node.typeParameters) && node.typeParameters.length > 0)
    return 'Type parameter declarations can only be used in TypeScript files.';
  if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.typeArguments !== undefined)
    return 'Type arguments can only be used in TypeScript files.';
  if ((ts.isParameter(node) || ts.isPropertyDeclaration(node)) && node.questionToken !== undefined && ts.isParameter(node))
    return "The '?' modifier can only be used in TypeScript files.";
  if ('type' in node && node.type !== undefined && isTypeAnnotated(node)) return 'Type annotations can only be used in TypeScript files.';
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  const tsModifier = modifiers?.find((modifier) => tsOnlyModifiers.has(modifier.kind));
  if (tsModifier !== undefined) return `The '${ts.tokenToString(tsModifier.kind)}' modifier can only be used in TypeScript files.`;
  return undefined;
}

const tsOnlyModifiers: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.DeclareKeyword,
  ts.SyntaxKind.AbstractKeyword,
  ts.SyntaxKind.OverrideKeyword,
]);

/** Declarations whose `type` is an annotation the user wrote (not a JSDoc type, which JavaScript allows). */
function isTypeAnnotated(node: ts.Node): boolean {
  return (
    ts.isParameter(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node)
  );
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
