import ts from 'typescript';
import { unwrapExpression } from '../../analysis/parse.js';
import type { Evidence } from '../contract-model.js';
import { assertMethodOf, isExpectCall, readExpectChain } from './assertion-chains.js';
import { collectTableParameters } from './each-tables.js';
import type { ArgumentReading, CallReading, ExportReading, ModuleReading, Use, ValueUse } from './observations.js';
import { newValueUse } from './observations.js';
import { applyAssert, applyExpectChain, applyThrowExpectation } from './read-hints.js';
import { createTypeOf } from './value-types.js';

/** A name of the test file bound to a module of the project: one export, or the whole module (`*`). */
export interface BoundName {
  readonly module: ModuleReading;
  readonly exportName: string;
}

/** What the walk of one test file needs: the shared checker, the file, its import bindings, and the export readings to fill. */
export interface WalkInput {
  readonly checker: ts.TypeChecker;
  readonly source: ts.SourceFile;
  /** Project-relative path, for evidence. */
  readonly file: string;
  /** Import bindings by the symbol of their local name. */
  readonly bindings: ReadonlyMap<ts.Symbol, BoundName>;
  /** The reading of an export, made on first use. */
  readonly exportOf: (module: ModuleReading, name: string, evidence: Evidence) => ExportReading;
}

type Target =
  | { readonly kind: 'export'; readonly reading: ExportReading }
  | { readonly kind: 'namespace'; readonly module: ModuleReading }
  | { readonly kind: 'instance'; readonly reading: ExportReading };

const classReferenceMatchers = new Set(['toBeInstanceOf', 'instanceof', 'instanceOf', 'isPrototypeOf']);
const errorReferenceMatchers = new Set(['toThrow', 'toThrowError', 'throw', 'throws', 'Throw', 'rejectedWith', 'rejects']);

/**
 * Reads one test file: every use of an imported name (calls, `new`, members of instances and classes,
 * references in throw and instance expectations, plain values) is added to its export's reading, with the
 * arguments' types and what the assertions say of the results.
 */
export function walkTestFile(input: WalkInput): void {
  const { checker, source, file, bindings } = input;
  const at = (node: ts.Node): Evidence => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  const symbolOf = (node: ts.Node): ts.Symbol | undefined => checker.getSymbolAtLocation(node);
  const instances = new Map<ts.Symbol, ExportReading>();
  const results = new Map<ts.Symbol, ValueUse>();

  const targetOf = (expression: ts.Expression): Target | undefined => {
    const inner = unwrapExpression(expression);
    if (ts.isIdentifier(inner)) {
      const symbol = symbolOf(inner);
      if (symbol === undefined) return undefined;
      const bound = bindings.get(symbol);
      if (bound !== undefined)
        return bound.exportName === '*'
          ? { kind: 'namespace', module: bound.module }
          : { kind: 'export', reading: input.exportOf(bound.module, bound.exportName, at(inner)) };
      const instance = instances.get(symbol);
      return instance === undefined ? undefined : { kind: 'instance', reading: instance };
    }
    if (ts.isPropertyAccessExpression(inner)) {
      const owner = targetOf(inner.expression);
      return owner?.kind === 'namespace' ? { kind: 'export', reading: input.exportOf(owner.module, inner.name.text, at(inner)) } : undefined;
    }
    if (ts.isNewExpression(inner)) {
      const made = constructed(inner);
      return made === undefined ? undefined : { kind: 'instance', reading: made };
    }
    return undefined;
  };

  /** The export a `new X()` makes an instance of. */
  const constructed = (expression: ts.NewExpression): ExportReading | undefined => {
    const target = targetOf(expression.expression);
    if (target?.kind === 'export') return target.reading;
    if (target?.kind === 'namespace') return input.exportOf(target.module, 'default', at(expression));
    return undefined;
  };

  /** The export a type annotation names (`Stack`, `m.Stack`). */
  const typeTarget = (name: ts.EntityName): ExportReading | undefined => {
    if (ts.isIdentifier(name)) {
      const target = targetOf(name);
      return target?.kind === 'export' ? target.reading : undefined;
    }
    const owner = ts.isIdentifier(name.left) ? targetOf(name.left) : undefined;
    return owner?.kind === 'namespace' ? input.exportOf(owner.module, name.right.text, at(name)) : undefined;
  };

  /** The class whose static method made a value (`Stack.from([1])`): the variable holding it is taken for an instance. */
  const factoryOf = (initializer: ts.Expression | undefined): ExportReading | undefined => {
    let inner = initializer === undefined ? undefined : unwrapExpression(initializer);
    if (inner !== undefined && ts.isAwaitExpression(inner)) inner = unwrapExpression(inner.expression);
    if (inner === undefined || !ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression)) return undefined;
    const owner = targetOf(inner.expression.expression);
    return owner?.kind === 'export' && /^[A-Z]/.test(owner.reading.localName ?? owner.reading.name) ? owner.reading : undefined;
  };

  const classOf = (expression: ts.Expression): string | undefined => {
    const target = targetOf(expression);
    return target?.kind === 'instance' ? (target.reading.localName ?? target.reading.name) : undefined;
  };

  const localCalls = new Map<ts.Symbol, ts.CallExpression[]>();
  const tableCells = new Map<ts.Symbol, readonly ts.Expression[]>();
  for (const parameter of collectTableParameters(source)) {
    const symbol = symbolOf(parameter.name);
    if (symbol !== undefined) tableCells.set(symbol, parameter.cells);
  }
  const typeOf = createTypeOf(checker, { tableCells, localCalls, classOf });

  /** First pass: variables that hold instances of imported classes, and the call sites of local functions. */
  const prepare = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const made =
        node.initializer !== undefined && ts.isNewExpression(unwrapExpression(node.initializer))
          ? constructed(unwrapExpression(node.initializer) as ts.NewExpression)
          : undefined;
      const declared = node.type !== undefined && ts.isTypeReferenceNode(node.type) ? typeTarget(node.type.typeName) : undefined;
      const reading = made ?? declared ?? factoryOf(node.initializer);
      const symbol = symbolOf(node.name);
      if (reading !== undefined && symbol !== undefined) instances.set(symbol, reading);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
      const right = unwrapExpression(node.right);
      const made = ts.isNewExpression(right) ? constructed(right) : undefined;
      const symbol = symbolOf(node.left);
      if (made !== undefined && symbol !== undefined) instances.set(symbol, made);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const symbol = symbolOf(node.expression);
      if (symbol !== undefined && !bindings.has(symbol)) {
        const calls = localCalls.get(symbol);
        if (calls === undefined) localCalls.set(symbol, [node]);
        else calls.push(node);
      }
    }
    ts.forEachChild(node, prepare);
  };

  const readArguments = (args: readonly ts.Expression[]): ArgumentReading[] =>
    args.map((argument) => {
      const inner = unwrapExpression(argument);
      return ts.isIdentifier(inner) && inner.text !== 'undefined' ? { name: inner.text, type: typeOf(argument) } : { type: typeOf(argument) };
    });

  const callReading = (node: ts.CallExpression | ts.NewExpression): CallReading => ({
    args: readArguments(node.arguments ?? []),
    evidence: at(node),
    ...newValueUse(),
  });

  /** How the test treats the value of `expression`: awaited, dropped, kept in a variable, asserted, expected to throw. */
  const consume = (expression: ts.Expression, use: ValueUse): void => {
    let current: ts.Expression = expression;
    for (;;) {
      const parent = current.parent;
      if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent))
        current = parent;
      else if (ts.isAwaitExpression(parent)) {
        use.awaited = true;
        current = parent;
      } else break;
    }
    const parent = current.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
      use.used = true;
      if (['then', 'catch', 'finally'].includes(parent.name.text)) use.awaited = true;
      const callback = ts.isCallExpression(parent.parent) && parent.name.text === 'then' ? parent.parent.arguments[0] : undefined;
      const settled = callback !== undefined && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0]?.name : undefined;
      if (settled !== undefined && ts.isIdentifier(settled)) remember(settled, use);
      return;
    }
    if (ts.isExpressionStatement(parent)) {
      throwContext(parent, use);
      return;
    }
    // An arrow's expression body hands the value to whoever calls the arrow (`forEach`, a spy): not a use the tests check.
    if (ts.isArrowFunction(parent) && parent.body === current) {
      throwContext(parent, use);
      return;
    }
    use.used = true;
    if (ts.isVariableDeclaration(parent) && parent.initializer === current && ts.isIdentifier(parent.name)) remember(parent.name, use);
    else if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      parent.right === current &&
      ts.isIdentifier(parent.left)
    )
      remember(parent.left, use);
    else if (ts.isCallExpression(parent)) {
      const index = parent.arguments.indexOf(current);
      if (index === 0 && isExpectCall(parent)) applyExpectChain(readExpectChain(parent).steps, use, typeOf, at(parent));
      const method = assertMethodOf(parent);
      if (method !== undefined && index >= 0) applyAssert(method, parent, index, use, typeOf, at(parent));
    }
  };

  const remember = (name: ts.Identifier, use: ValueUse): void => {
    const symbol = symbolOf(name);
    if (symbol !== undefined) results.set(symbol, use);
  };

  /** A call that is the body of a function passed to `expect(…)` or `assert.throws/rejects(…)`: the errors expected of it. */
  const throwContext = (statement: ts.ExpressionStatement | ts.ArrowFunction, use: ValueUse): boolean => {
    const fn = ts.isExpressionStatement(statement) ? (ts.isBlock(statement.parent) ? statement.parent.parent : undefined) : statement;
    if (fn === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
    if (isExpectCall(call)) {
      applyThrowExpectation(readExpectChain(call).steps, use);
      return true;
    }
    const method = assertMethodOf(call);
    if (method === 'throws' || method === 'rejects' || method === 'isRejected') {
      applyAssert(method, call, 0, use, typeOf, at(call));
      return true;
    }
    return false;
  };

  const onCall = (node: ts.CallExpression | ts.NewExpression): void => {
    const isNew = ts.isNewExpression(node);
    const target = targetOf(node.expression);
    const callee = target?.kind === 'namespace' ? input.exportOf(target.module, 'default', at(node)) : target?.kind === 'export' ? target.reading : undefined;
    if (callee !== undefined) {
      const use: Extract<Use, { kind: 'new' | 'call' }> = { kind: isNew ? 'new' : 'call', ...callReading(node) };
      callee.uses.push(use);
      consume(node, use);
      return;
    }
    if (isNew || !ts.isPropertyAccessExpression(node.expression)) return;
    const owner = targetOf(node.expression.expression);
    if (owner === undefined || owner.kind === 'namespace') return;
    const use: Extract<Use, { kind: 'method' }> = { kind: 'method', member: node.expression.name.text, static: owner.kind === 'export', ...callReading(node) };
    owner.reading.uses.push(use);
    consume(node, use);
    const holder = declaredBy(node);
    const made = holder === undefined ? undefined : symbolOf(holder);
    if (owner.kind === 'export' && made !== undefined && instances.get(made) === owner.reading)
      use.hints.push({ kind: 'object', type: owner.reading.localName ?? owner.reading.name, evidence: at(node) });
  };

  const onPropertyAccess = (node: ts.PropertyAccessExpression): void => {
    if (isCallee(node)) return;
    const target = targetOf(node);
    if (target?.kind === 'export') return onReference(node, target.reading);
    const owner = targetOf(node.expression);
    if (owner === undefined || owner.kind === 'namespace') return;
    const use: Use = {
      kind: 'property',
      member: node.name.text,
      static: owner.kind === 'export',
      written: false,
      writtenTypes: [],
      evidence: at(node),
      ...newValueUse(),
    };
    owner.reading.uses.push(use);
    const parent = node.parent;
    if (ts.isBinaryExpression(parent) && parent.left === node && isAssignment(parent.operatorToken.kind)) {
      use.written = true;
      use.writtenTypes.push(typeOf(parent.right));
      if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) use.used = true;
    } else if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isIncrement(parent.operator)) {
      use.written = true;
      use.writtenTypes.push('number');
    } else consume(node, use);
  };

  const onIdentifier = (node: ts.Identifier): void => {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) || ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node)) return;
    if (isDeclarationName(node) || isTypePosition(node)) return;
    const symbol = symbolOf(node);
    const result = symbol === undefined ? undefined : results.get(symbol);
    if (result !== undefined) return consume(node, result);
    const target = targetOf(node);
    if (target?.kind === 'export') onReference(node, target.reading);
  };

  /** An export named without being called: a class in a throw or instance expectation, a function expected to throw, or a value. */
  const onReference = (node: ts.Expression, reading: ExportReading): void => {
    const parent = node.parent;
    if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
      reading.uses.push({ kind: 'class-reference', error: false, evidence: at(node) });
      return;
    }
    if (ts.isCallExpression(parent) && parent.arguments.includes(node)) {
      const index = parent.arguments.indexOf(node);
      const matcher = ts.isPropertyAccessExpression(parent.expression) ? parent.expression.name.text : undefined;
      const method = assertMethodOf(parent);
      const classUse = method !== undefined ? assertedClass(method, index) : matcher !== undefined ? matchedClass(matcher) : undefined;
      if (classUse !== undefined) {
        reading.uses.push({ kind: 'class-reference', error: classUse === 'error', evidence: at(node) });
        return;
      }
      const throwing = throwExpectationOf(parent, index);
      if (throwing !== undefined) {
        const use: Use = { kind: 'throws', evidence: at(node), ...newValueUse() };
        throwing(use);
        reading.uses.push(use);
        return;
      }
    }
    const use: Use = { kind: 'value', evidence: at(node), ...newValueUse() };
    reading.uses.push(use);
    consume(node, use);
  };

  /** For `expect(f).toThrow(X)` and `assert.throws(f, X)`: what to record of `f`. */
  const throwExpectationOf = (call: ts.CallExpression, index: number): ((use: ValueUse) => void) | undefined => {
    if (index !== 0) return undefined;
    if (isExpectCall(call)) {
      const steps = readExpectChain(call).steps;
      if (!steps.some((step) => errorReferenceMatchers.has(step.name))) return undefined;
      return (use) => applyThrowExpectation(steps, use);
    }
    const method = assertMethodOf(call);
    if (method !== 'throws' && method !== 'rejects') return undefined;
    return (use) => applyAssert(method, call, 0, use, typeOf, at(call));
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) onCall(node);
    else if (ts.isPropertyAccessExpression(node)) onPropertyAccess(node);
    else if (ts.isIdentifier(node)) onIdentifier(node);
    ts.forEachChild(node, visit);
  };

  prepare(source);
  visit(source);
}

/** `assert.throws(f, X)` names an error class, `assert.instanceOf(x, X)` a class. */
function assertedClass(method: string, index: number): 'error' | 'class' | undefined {
  if (index !== 1) return undefined;
  if (method === 'throws' || method === 'rejects' || method === 'isRejected') return 'error';
  return classReferenceMatchers.has(method) ? 'class' : undefined;
}

/** `toThrow(X)` names an error class, `toBeInstanceOf(X)` a class. */
function matchedClass(matcher: string): 'error' | 'class' | undefined {
  if (errorReferenceMatchers.has(matcher)) return 'error';
  return classReferenceMatchers.has(matcher) ? 'class' : undefined;
}

/** The variable a call initializes (`const s = Stack.from(…)`, also awaited). */
function declaredBy(call: ts.Expression): ts.Identifier | undefined {
  let node: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isAsExpression(node)) node = node.parent;
  return ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? node.name : undefined;
}

function isCallee(node: ts.Expression): boolean {
  const parent = node.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return true;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)) return parent.name === node;
  return (
    (ts.isBindingElement(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node
  );
}

function isTypePosition(node: ts.Identifier): boolean {
  let current: ts.Node = node.parent;
  while (ts.isQualifiedName(current)) current = current.parent;
  return ts.isTypeReferenceNode(current) || ts.isTypeQueryNode(current) || ts.isExpressionWithTypeArguments(current) || ts.isTypeNode(current);
}
