import ts from 'typescript';
import { unwrapExpression } from '../../../analysis/parse.js';
import type { ExportReading, ModuleReading } from '../observations.js';
import type { WalkScope } from './scope.js';

/** What an expression of the test stands for: an export, a whole module, or an instance of an export. */
export type Target =
  | { readonly kind: 'export'; readonly reading: ExportReading }
  | { readonly kind: 'namespace'; readonly module: ModuleReading }
  | { readonly kind: 'instance'; readonly reading: ExportReading }
  /** A value an exported function returned. */
  | { readonly kind: 'result'; readonly reading: ExportReading };

/** Resolves the test's expressions to the exports they stand for, through import bindings and instance variables. */
export function createTargets(scope: WalkScope) {
  const { input, at, symbolOf, instances, results } = scope;

  const targetOf = (expression: ts.Expression): Target | undefined => {
    const inner = unwrapExpression(expression);
    if (ts.isIdentifier(inner)) {
      const symbol = symbolOf(inner);
      if (symbol === undefined) return undefined;
      const bound = input.bindings.get(symbol);
      if (bound !== undefined)
        return bound.exportName === '*'
          ? { kind: 'namespace', module: bound.module }
          : { kind: 'export', reading: input.exportOf(bound.module, bound.exportName, at(inner)) };
      const instance = instances.get(symbol);
      if (instance !== undefined) return { kind: 'instance', reading: instance };
      const result = results.get(symbol);
      return result === undefined ? undefined : { kind: 'result', reading: result };
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

  /** The class name of an instance expression, for the types of values the tests pass. */
  const classOf = (expression: ts.Expression): string | undefined => {
    const target = targetOf(expression);
    return target?.kind === 'instance' ? (target.reading.localName ?? target.reading.name) : undefined;
  };

  /** The function whose call made a value (`createQueue()`, also awaited): the variable holding it keeps its result. */
  const madeBy = (initializer: ts.Expression | undefined): ExportReading | undefined => {
    let inner = initializer === undefined ? undefined : unwrapExpression(initializer);
    if (inner !== undefined && ts.isAwaitExpression(inner)) inner = unwrapExpression(inner.expression);
    if (inner === undefined || !ts.isCallExpression(inner)) return undefined;
    const callee = targetOf(inner.expression);
    return callee?.kind === 'export' ? callee.reading : undefined;
  };

  return { targetOf, constructed, typeTarget, factoryOf, classOf, madeBy };
}

export type Targets = ReturnType<typeof createTargets>;
