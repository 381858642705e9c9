import ts from 'typescript';
import { unwrapExpression } from '../../analysis/parse.js';
import type { TypeOf } from './read-hints.js';
import { typeText } from './type-text.js';
import { unionOf } from './union-types.js';

/** What the walk knows beyond the checker: instances of imported classes, `.each` columns, local helpers' call sites. */
export interface TypeKnowledge {
  /** `.each` callback parameters → the cells of their column. */
  readonly tableCells: ReadonlyMap<ts.Symbol, readonly ts.Expression[]>;
  /** Calls of the file's local functions, by the function's symbol (helpers: their parameters' types come from here). */
  readonly localCalls: ReadonlyMap<ts.Symbol, readonly ts.CallExpression[]>;
  /** The imported class an expression is an instance of (`new Stack()`, a variable holding one), by name. */
  readonly classOf: (expression: ts.Expression) => string | undefined;
}

/**
 * The type of an expression of a test as a stub should declare it: instances by their class, `.each`
 * parameters by their column, an un-annotated helper parameter by what its call sites pass (one level), the
 * rest by the checker with literals widened.
 */
export function createTypeOf(checker: ts.TypeChecker, knowledge: TypeKnowledge): TypeOf {
  const typeOf = (expression: ts.Expression, depth: number): string => {
    const inner = unwrapExpression(expression);
    const className = knowledge.classOf(inner);
    if (className !== undefined) return className;
    if (ts.isIdentifier(inner)) {
      const symbol = checker.getSymbolAtLocation(inner);
      if (symbol !== undefined) {
        const cells = knowledge.tableCells.get(symbol);
        if (cells !== undefined) return unionOf(cells.map((cell) => typeOf(cell, depth + 1)));
        const fromCallers = depth === 0 ? helperParameterType(symbol) : undefined;
        const declared = typeText(checker, checker.getTypeAtLocation(inner));
        if (declared === 'unknown' && fromCallers !== undefined) return fromCallers;
        return declared;
      }
    }
    return typeText(checker, checker.getTypeAtLocation(inner));
  };

  /** The union of what a local function's callers pass for this parameter. */
  const helperParameterType = (symbol: ts.Symbol): string | undefined => {
    const declaration = symbol.valueDeclaration;
    if (declaration === undefined || !ts.isParameter(declaration)) return undefined;
    const fn = declaration.parent;
    const index = fn.parameters.indexOf(declaration);
    const fnName = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(fn.parent) ? fn.parent.name : undefined;
    if (fnName === undefined || !ts.isIdentifier(fnName)) return undefined;
    const fnSymbol = checker.getSymbolAtLocation(fnName);
    const calls = fnSymbol === undefined ? undefined : knowledge.localCalls.get(fnSymbol);
    if (calls === undefined || calls.length === 0) return undefined;
    return unionOf(calls.flatMap((call) => (call.arguments[index] === undefined ? [] : [typeOf(call.arguments[index], 1)])));
  };

  return (expression) => typeOf(expression, 0);
}
