import ts from 'typescript';
import { unwrapExpression } from '../../analysis/parse.js';

/** A name a test file binds to another module: an import, a `require`, a dynamic `import()`. */
export interface ImportBinding {
  /** The declaration name node (its symbol identifies the references). */
  readonly name: ts.Identifier;
  readonly specifier: string;
  /** The export it stands for: a name, `default`, or `*` for the whole module (`import * as m`, `const m = require()`). */
  readonly exportName: string;
  readonly node: ts.Node;
}

/** A module a test file loads, with the names it binds (none for `import './setup.js'`). */
export interface ImportSite {
  readonly specifier: string;
  readonly node: ts.Node;
  readonly bindings: readonly ImportBinding[];
}

/** The imports of a test file in source order: ES imports (not `import type`), `import x = require()`, `require()` and `import()`. */
export function collectImports(source: ts.SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  const visit = (node: ts.Node): void => {
    const site = importSiteOf(node);
    if (site !== undefined) sites.push(site);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

function importSiteOf(node: ts.Node): ImportSite | undefined {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) return esImport(node, node.moduleSpecifier.text);
  if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    if (ts.isStringLiteral(expression))
      return { specifier: expression.text, node, bindings: [{ name: node.name, specifier: expression.text, exportName: '*', node }] };
  }
  if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
    const specifier = loadedSpecifier(node.initializer);
    if (specifier !== undefined) return { specifier, node, bindings: patternBindings(node.name, specifier, node) };
  }
  if (ts.isCallExpression(node) && isLoadCall(node) && !isBoundByDeclaration(node)) {
    const specifier = loadedSpecifier(node);
    if (specifier !== undefined) return { specifier, node, bindings: [] };
  }
  return undefined;
}

function esImport(node: ts.ImportDeclaration, specifier: string): ImportSite | undefined {
  const clause = node.importClause;
  if (clause?.isTypeOnly) return undefined;
  const bindings: ImportBinding[] = [];
  if (clause?.name !== undefined) bindings.push({ name: clause.name, specifier, exportName: 'default', node });
  const named = clause?.namedBindings;
  if (named !== undefined && ts.isNamespaceImport(named)) bindings.push({ name: named.name, specifier, exportName: '*', node });
  if (named !== undefined && ts.isNamedImports(named)) {
    for (const element of named.elements) {
      if (element.isTypeOnly) continue;
      bindings.push({ name: element.name, specifier, exportName: (element.propertyName ?? element.name).text, node });
    }
  }
  return { specifier, node, bindings };
}

function patternBindings(name: ts.BindingName, specifier: string, node: ts.Node): ImportBinding[] {
  if (ts.isIdentifier(name)) return [{ name, specifier, exportName: '*', node }];
  if (!ts.isObjectBindingPattern(name)) return [];
  return name.elements.flatMap((element) => {
    const property = element.propertyName ?? element.name;
    if (!ts.isIdentifier(element.name) || !(ts.isIdentifier(property) || ts.isStringLiteral(property))) return [];
    return [{ name: element.name, specifier, exportName: property.text, node }];
  });
}

/** The specifier of `require('x')`, `import('x')` or `await import('x')`. */
function loadedSpecifier(expression: ts.Expression): string | undefined {
  let inner = unwrapExpression(expression);
  if (ts.isAwaitExpression(inner)) inner = unwrapExpression(inner.expression);
  if (!ts.isCallExpression(inner) || !isLoadCall(inner)) return undefined;
  const argument = inner.arguments[0];
  return argument !== undefined && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

function isLoadCall(call: ts.CallExpression): boolean {
  return call.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(call.expression) && call.expression.text === 'require');
}

function isBoundByDeclaration(call: ts.CallExpression): boolean {
  let node: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isAsExpression(node)) node = node.parent;
  return ts.isVariableDeclaration(node);
}
