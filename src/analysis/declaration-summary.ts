import ts from 'typescript';
import { parseSource, syntaxErrors } from './parse.js';

/** A module's exports as declarations without bodies, or why it has none worth showing. */
export type DeclarationSummary = { readonly status: 'summarized'; readonly text: string } | { readonly status: 'unavailable'; readonly reason: string };

/** What the emitter writes for a module with no exports, or a CommonJS `module.exports` it cannot type. */
const shapeless = /^(?:export \{\};|declare const _exports: any;|export = _exports;)\s*$/gm;

const compilerOptions: ts.CompilerOptions = { declaration: true, emitDeclarationOnly: true, removeComments: false, allowJs: true };

/**
 * What a module exports — functions, classes, types and consts with their signatures and JSDoc, no bodies —
 * for a prompt that needs the module's shape but not its code. `ts.transpileDeclaration` does the work: it
 * reads one file with no program and no type checker (the isolated-declarations emitter, a few ms a file),
 * takes JSDoc types in .js/.jsx, infers what a literal or an annotated arrow makes plain, and keeps
 * overloads, default exports and re-exports. Two things are then cut from its output: private members (not
 * part of the shape) and `any` results it put where a return type could not be inferred alone, which would
 * read as a promise of `any` rather than "not stated". A file that does not parse is not summarized.
 */
export function summarizeDeclarations(file: string, text: string): DeclarationSummary {
  const errors = syntaxErrors(parseSource(file, text));
  if (errors.length > 0) {
    return { status: 'unavailable', reason: `${file} does not parse: ${ts.flattenDiagnosticMessageText(errors[0]?.messageText, '\n')}` };
  }
  let emitted: string;
  try {
    emitted = ts.transpileDeclaration(text, { fileName: file, compilerOptions, reportDiagnostics: false }).outputText;
  } catch (error) {
    return { status: 'unavailable', reason: `${file} could not be summarized: ${error instanceof Error ? error.message : String(error)}` };
  }
  const summary = tidy(emitted);
  if (summary.replace(shapeless, '').trim() === '') return { status: 'unavailable', reason: `${file} exports nothing a declaration can show` };
  return { status: 'summarized', text: summary };
}

function tidy(declarations: string): string {
  const source = ts.createSourceFile('summary.d.ts', declarations, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassElement(node) && isPrivate(node)) {
      cuts.push([node.getFullStart(), node.getEnd()]);
      return;
    }
    if (ts.isFunctionLike(node) && node.type?.kind === ts.SyntaxKind.AnyKeyword && !ts.isFunctionTypeNode(node)) {
      const colon = declarations.lastIndexOf(':', node.type.getStart(source));
      cuts.push([colon, node.type.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = declarations;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return `${out.trim()}\n`;
}

function isPrivate(member: ts.ClassElement): boolean {
  // `#x` members, and the one `#private;` line the emitter stands in for all of them.
  if (member.name !== undefined && ts.isPrivateIdentifier(member.name)) return true;
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
}
