import ts from 'typescript';
import type { ArgumentReading, CallReading, Use } from './observations.js';
import { newValueUse } from './observations.js';
import { collectTableParameters } from './each-tables.js';
import { createTypeOf } from './value-types.js';
import { createConsumer } from './walk/consume.js';
import { firstPass } from './walk/first-pass.js';
import { createReferenceReader } from './walk/references.js';
import type { WalkInput } from './walk/scope.js';
import { createWalkScope } from './walk/scope.js';
import { declaredBy, isAssignment, isCallee, isDeclarationName, isIncrement, isTypePosition } from './walk/syntax.js';
import { createTargets } from './walk/targets.js';
import type { Target } from './walk/targets.js';
import { unwrapExpression } from '../../analysis/parse.js';

/**
 * Reads one test file: every use of an imported name (calls, `new`, members of instances and classes,
 * references in throw and instance expectations, plain values) is added to its export's reading, with the
 * arguments' types and what the assertions say of the results.
 */
export function walkTestFile(input: WalkInput): void {
  const scope = createWalkScope(input);
  const { checker, source } = input;
  const { at, symbolOf } = scope;
  const targets = createTargets(scope);
  const { targetOf } = targets;
  const tableCells = new Map<ts.Symbol, readonly ts.Expression[]>();
  for (const parameter of collectTableParameters(source)) {
    const symbol = symbolOf(parameter.name);
    if (symbol !== undefined) tableCells.set(symbol, parameter.cells);
  }
  const localCalls = firstPass(scope, targets);
  const typeOf = createTypeOf(checker, { tableCells, localCalls, classOf: targets.classOf });
  const { consume, results } = createConsumer(scope, typeOf);
  const onReference = createReferenceReader(scope, typeOf, consume);

  const readArguments = (args: readonly ts.Expression[]): ArgumentReading[] =>
    args.map((argument) => {
      const inner = unwrapExpression(argument);
      return ts.isIdentifier(inner) && inner.text !== 'undefined' ? { name: inner.text, type: typeOf(argument) } : { type: typeOf(argument) };
    });

  const callReading = (node: ts.CallExpression | ts.NewExpression): CallReading => ({
    args: readArguments(node.arguments ?? []),
    ...(node.typeArguments === undefined ? {} : { typeArgs: node.typeArguments.map((argument) => argument.getText(source)) }),
    evidence: at(node),
    ...newValueUse(),
  });

  /** Where a member use goes: the export's own uses, or those of what it returned. */
  const usesOf = (owner: Exclude<Target, { kind: 'namespace' }>): Use[] => (owner.kind === 'result' ? owner.reading.resultUses : owner.reading.uses);

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
    usesOf(owner).push(use);
    consume(node, use);
    const holder = declaredBy(node);
    const made = holder === undefined ? undefined : symbolOf(holder);
    if (owner.kind === 'export' && made !== undefined && scope.instances.get(made) === owner.reading)
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
    usesOf(owner).push(use);
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

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) onCall(node);
    else if (ts.isPropertyAccessExpression(node)) onPropertyAccess(node);
    else if (ts.isIdentifier(node)) onIdentifier(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
}
