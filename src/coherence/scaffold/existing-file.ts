import ts from 'typescript';
import { parseSource } from '../../analysis/parse.js';

/** Members to add to one class of an existing file: each a block of lines that ends with a newline. */
export interface ClassInsertion {
  readonly className: string;
  readonly members: readonly string[];
}

/**
 * `text` with each class's new members inserted before its closing brace, and nothing else changed; the
 * classes the file does not declare at its top level are returned in `notFound`.
 */
export function insertMembers(file: string, text: string, insertions: readonly ClassInsertion[]): { text: string; notFound: string[] } {
  const source = parseSource(file, text);
  const edits: { at: number; text: string }[] = [];
  const notFound: string[] = [];
  for (const insertion of insertions) {
    const declaration = source.statements.find(
      (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === insertion.className,
    );
    if (declaration === undefined) {
      notFound.push(insertion.className);
      continue;
    }
    const brace = declaration.getEnd() - 1;
    const lineStart = text.lastIndexOf('\n', brace - 1) + 1;
    const onItsOwnLine = text.slice(lineStart, brace).trim() === '';
    const blocks = insertion.members.join('\n');
    const separated = declaration.members.length > 0 ? `\n${blocks}` : blocks;
    edits.push(onItsOwnLine ? { at: lineStart, text: separated } : { at: brace, text: `\n${separated}` });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) result = `${result.slice(0, edit.at)}${edit.text}${result.slice(edit.at)}`;
  return { text: result, notFound };
}

/** The indentation of a class's members in `text` (that of its first member), two spaces when it has none. */
export function memberIndent(file: string, text: string, className: string): string {
  const source = parseSource(file, text);
  const declaration = source.statements.find(
    (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && statement.name?.text === className,
  );
  const first = declaration?.members[0];
  if (first === undefined) return '  ';
  const start = first.getStart(source);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  return /^[ \t]+$/.test(indent) ? indent : '  ';
}

/** Names a file declares at its top level without exporting them: a test that imports one needs only an `export { name }`. */
export function unexportedDeclarations(file: string, text: string): Set<string> {
  const names = new Set<string>();
  for (const statement of parseSource(file, text).statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) === true;
    if (exported) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name !== undefined) names.add(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    }
  }
  return names;
}
