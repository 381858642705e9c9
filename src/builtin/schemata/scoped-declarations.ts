import ts from 'typescript';
import { parseSource } from '../../analysis/parse.js';

/**
 * Whether a statement change can be wrapped in `if (…) { new } else { old }` without changing meaning: a
 * `const`/`let`/`class`/`function` declared at the top of either side and used outside the range would be
 * hidden by the block, and `import`/`export` cannot be in a block at all.
 */
export function canWrapStatements(source: ts.SourceFile, start: number, end: number, texts: readonly string[]): boolean {
  const names = new Set<string>();
  for (const text of texts) {
    const declared = topLevelDeclarations(source.fileName, text);
    if (declared === 'unwrappable') return false;
    for (const name of declared) names.add(name);
  }
  return names.size === 0 || !referencedOutside(source, names, start, end);
}

function topLevelDeclarations(fileName: string, text: string): string[] | 'unwrappable' {
  const wrapper = parseSource(fileName, `async function* __rg_snippet__() {\n${text}\n}`);
  const fn = wrapper.statements[0];
  if (fn === undefined || !ts.isFunctionDeclaration(fn) || fn.body === undefined) return 'unwrappable';
  const names: string[] = [];
  for (const statement of fn.body.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || ts.isImportEqualsDeclaration(statement))
      return 'unwrappable';
    if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return 'unwrappable';
    if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0) {
      for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(declaration.name));
    } else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    }
  }
  return names;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function referencedOutside(source: ts.SourceFile, names: ReadonlySet<string>, start: number, end: number): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && names.has(node.text)) {
      const at = node.getStart(source);
      if (at < start || at >= end) found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
