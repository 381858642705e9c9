import ts from 'typescript';
import { parseSource, unwrapExpression } from '../analysis/parse.js';
import type { GuardKind } from './guarded-globals.js';
import { exitingCalls, globalModules, guardKind, guardWords, guardedProcessMembers, redefiningCalls } from './guarded-globals.js';

/** One place in a file that could game a test verdict; `reason` completes "refusing an edit to <file>: …". */
export interface GamingSite {
  readonly reason: string;
}

const globalObjects: ReadonlySet<string> = new Set(['globalThis', 'global', 'window']);

/**
 * Finds the assignments, redefinitions and early exits in `text` that touch the globals a verdict rests on
 * (see guarded-globals.ts). Syntax only: names are resolved within the file (imports, `require`, local
 * declarations and aliases such as `const p = process`), not across modules.
 */
export function findGamingSites(file: string, text: string): GamingSite[] {
  const source = parseSource(file, text);
  const names = collectNames(source);
  const sites: GamingSite[] = [];
  const visit = (node: ts.Node): void => {
    const site = siteOf(node, names);
    if (site !== undefined) sites.push(site);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

interface Names {
  /** Names declared in the file that are not the guarded globals. */
  readonly locals: Set<string>;
  /** Local names that stand for a guarded path: `import { exit } from 'node:process'` → `process.exit`. */
  readonly aliases: Map<string, string>;
}

function siteOf(node: ts.Node, names: Names): GamingSite | undefined {
  if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) {
    return firstDefined(assignmentTargets(node.left).map((target) => assigned(target, names, 'assigns to')));
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isUpdateOperator(node.operator)) {
    return assigned(node.operand, names, 'assigns to');
  }
  if (ts.isDeleteExpression(node)) return assigned(node.expression, names, 'deletes');
  if (ts.isCallExpression(node)) return called(node, names);
  if (ts.isNewExpression(node) && evaluatesString(node.expression, names)) return evaluating;
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && !usedInPlace(node)) {
    const path = pathOf(node, names, false);
    if (path !== undefined && exitingCalls.has(path)) return { reason: `it hands ${path} to other code, which can end the test process early` };
  }
  return undefined;
}

const evaluating: GamingSite = { reason: 'it runs code from a string, which redgreen cannot check' };

/** `eval(…)`, `Function(…)`, `new Function(…)`: code that no syntax check can read. */
function evaluatesString(callee: ts.Expression, names: Names): boolean {
  const node = unwrapExpression(callee);
  if (ts.isIdentifier(node) && node.text === 'eval') return !names.locals.has('eval') && !names.aliases.has('eval');
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'eval') return globalObjects.has(pathOf(node.expression, names, false) ?? '');
  return pathOf(node, names, false) === 'Function';
}

/** A member read that another rule already judges: called, assigned, deleted, or read further (`process.exit.call`). */
function usedInPlace(node: ts.Expression): boolean {
  const parent = node.parent;
  if ((ts.isCallExpression(parent) && parent.expression === node) || ts.isDeleteExpression(parent)) return true;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) return true;
  return ts.isBinaryExpression(parent) && parent.left === node && isAssignmentOperator(parent.operatorToken.kind);
}

function assigned(target: ts.Expression, names: Names, verb: string): GamingSite | undefined {
  const path = pathOf(target, names, true);
  if (path === undefined) return undefined;
  const guard = classify(path);
  return guard === undefined ? undefined : { reason: `it ${verb} ${path}, ${guardWords[guard]}` };
}

function called(call: ts.CallExpression, names: Names): GamingSite | undefined {
  if (evaluatesString(call.expression, names)) return evaluating;
  const callee = pathOf(call.expression, names, false)?.replace(/\.(call|apply|bind)$/, '');
  if (callee === undefined) return undefined;
  if (exitingCalls.has(callee)) return { reason: `it calls ${callee}(), which ends the test process early` };
  const [first, second] = call.arguments;
  if (callee === 'process.kill' && first !== undefined && killsItself(first, names)) {
    return { reason: 'it calls process.kill() on the test process, which ends it early' };
  }
  if (redefiningCalls.has(callee) && first !== undefined) {
    const target = pathOf(first, names, false);
    if (target === undefined) return undefined;
    const key = second !== undefined && callee !== 'Object.assign' && callee !== 'Object.setPrototypeOf' ? literalKey(second) : undefined;
    const path = key === undefined ? target : `${target}.${key}`;
    const guard = classify(path);
    return guard === undefined ? undefined : { reason: `it redefines ${path} through ${callee}(), ${guardWords[guard]}` };
  }
  return undefined;
}

/** `process.kill(process.pid)`, `process.kill(0)` (its process group) or a negative pid. */
function killsItself(pid: ts.Expression, names: Names): boolean {
  const path = pathOf(pid, names, false);
  if (path === 'process.pid' || path === 'process.ppid') return true;
  const inner = unwrapExpression(pid);
  if (ts.isNumericLiteral(inner)) return Number(inner.text) === 0;
  return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.MinusToken;
}

/** Whether a path touches a guarded global, and which kind. */
function classify(path: string): GuardKind | undefined {
  const [root = '', member] = path.split(/[.[]/, 2);
  const kind = guardKind(root);
  if (kind === 'process') return member === undefined || member.startsWith('…') || guardedProcessMembers.has(member) ? 'process' : undefined;
  return kind;
}

/**
 * The dotted path an expression names, starting from a guarded global (`Object.prototype.is`), or undefined
 * when it starts from something local (`this.exit`, a parameter, a local `expect`). `globalThis.Object.is`
 * is `Object.is`. A bare name counts as the global only when it is the whole target of an assignment and
 * declared nowhere in the file.
 */
function pathOf(expression: ts.Expression, names: Names, bare: boolean): string | undefined {
  const node = unwrapExpression(expression);
  if (ts.isIdentifier(node)) {
    const alias = names.aliases.get(node.text);
    // Reassigning a local alias (`let is = Object.is; is = f`) rebinds the local, never the global.
    if (alias !== undefined) return bare ? undefined : alias;
    if (names.locals.has(node.text)) return undefined;
    return guardKind(node.text) === undefined ? undefined : node.text;
  }
  if (ts.isPropertyAccessExpression(node)) return member(pathOf(node.expression, names, false), node.name.text);
  if (ts.isElementAccessExpression(node)) return member(pathOf(node.expression, names, false), literalKey(node.argumentExpression) ?? '[…]');
  if (ts.isCallExpression(node)) return requiredModule(node);
  return undefined;
}

function member(object: string | undefined, name: string): string | undefined {
  if (object === undefined) return undefined;
  // `globalThis.process.exit` is `process.exit`; `globalThis.foo` stays as written.
  if (globalObjects.has(object) && guardKind(name) !== undefined && !globalObjects.has(name)) return name;
  return name === '[…]' ? `${object}[…]` : `${object}.${name}`;
}

/** `require('node:process')` and the like: the global the module is. */
function requiredModule(call: ts.CallExpression): string | undefined {
  const [arg] = call.arguments;
  if (!ts.isIdentifier(call.expression) || call.expression.text !== 'require' || arg === undefined || !ts.isStringLiteralLike(arg)) return undefined;
  return globalModules[arg.text];
}

function literalKey(node: ts.Expression): string | undefined {
  const inner = unwrapExpression(node);
  return ts.isStringLiteralLike(inner) || ts.isNumericLiteral(inner) ? inner.text : undefined;
}

/** The expressions a destructuring or plain assignment writes to. */
function assignmentTargets(left: ts.Expression): ts.Expression[] {
  const node = unwrapExpression(left);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((property) => {
      if (ts.isPropertyAssignment(property)) return assignmentTargets(withoutDefault(property.initializer));
      if (ts.isShorthandPropertyAssignment(property)) return [property.name];
      if (ts.isSpreadAssignment(property)) return assignmentTargets(property.expression);
      return [];
    });
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.flatMap((element) =>
      ts.isSpreadElement(element) ? assignmentTargets(element.expression) : ts.isOmittedExpression(element) ? [] : assignmentTargets(withoutDefault(element)),
    );
  }
  return [node];
}

function withoutDefault(node: ts.Expression): ts.Expression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? node.left : node;
}

function collectNames(source: ts.SourceFile): Names {
  const names: Names = { locals: new Set(), aliases: new Map() };
  const visit = (node: ts.Node): void => {
    // `declare const process: any` declares nothing at run time: the global stays the global.
    if (isDeclared(node)) return;
    if (ts.isImportDeclaration(node)) collectImport(node, names);
    else if (ts.isVariableDeclaration(node))
      collectBinding(node.name, node.initializer === undefined ? undefined : pathOf(node.initializer, names, false), names);
    else if (ts.isParameter(node) || ts.isBindingElement(node)) {
      if (ts.isIdentifier(node.name)) names.locals.add(node.name.text);
    } else if (
      (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) &&
      node.name !== undefined
    ) {
      names.locals.add(node.name.text);
    } else if (ts.isImportEqualsDeclaration(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node)) {
      if (ts.isIdentifier(node.name)) names.locals.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** `const p = process`, `const { exit } = process`: aliases of guarded paths; any other declaration is local. */
function collectBinding(name: ts.BindingName, path: string | undefined, names: Names): void {
  if (ts.isIdentifier(name)) {
    if (path !== undefined && classify(path) !== undefined) names.aliases.set(name.text, path);
    else names.locals.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const key = element.propertyName !== undefined ? propertyNameText(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
    const inner =
      ts.isObjectBindingPattern(name) && path !== undefined && key !== undefined && element.dotDotDotToken === undefined ? `${path}.${key}` : undefined;
    collectBinding(element.name, inner, names);
  }
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

function collectImport(node: ts.ImportDeclaration, names: Names): void {
  const clause = node.importClause;
  if (clause === undefined || !ts.isStringLiteralLike(node.moduleSpecifier)) return;
  const module = node.moduleSpecifier.text;
  const known = Object.hasOwn(globalModules, module);
  const base = known ? globalModules[module] : undefined;
  const bind = (local: string, path: string | undefined) => (path === undefined ? names.locals.add(local) : names.aliases.set(local, path));
  if (clause.name !== undefined) bind(clause.name.text, base);
  const bindings = clause.namedBindings;
  if (bindings === undefined) return;
  if (ts.isNamespaceImport(bindings)) {
    bind(bindings.name.text, base);
    return;
  }
  for (const element of bindings.elements) {
    const imported = (element.propertyName ?? element.name).text;
    bind(element.name.text, !known ? undefined : base === undefined ? imported : `${base}.${imported}`);
  }
}

function isDeclared(node: ts.Node): boolean {
  if (!(
    ts.isVariableStatement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isEnumDeclaration(node)
  ))
    return false;
  return ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) === true;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isUpdateOperator(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

function firstDefined<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}
