import ts from 'typescript';
import { guessExpressionType, guessTypeNode, type TypeGuess } from '../mutators/scope.js';
import type { FunctionWithBody } from '../localize/statement-kinds.js';
import { ownReturns } from './enclosing-function.js';

const defaultFor: Record<TypeGuess, readonly string[]> = {
  number: ['0'],
  string: ["''"],
  boolean: ['false'],
  array: ['[]'],
  object: ['null', 'undefined'],
  function: ['undefined'],
  unknown: ['null', 'undefined'],
};

/**
 * What an early `return` in `fn` could give back: `''` for a void function (a bare `return`), the default of
 * the annotated return type, else the defaults of the types its other returns yield, else a short list.
 */
export function defaultReturns(fn: FunctionWithBody | undefined): readonly string[] {
  if (!fn) return [];
  if (ts.isConstructorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) return [''];
  if (fn.type) {
    const type = unwrapPromise(fn.type);
    if (type.kind === ts.SyntaxKind.VoidKeyword || type.kind === ts.SyntaxKind.UndefinedKeyword) return [''];
    if (ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === ts.SyntaxKind.NullKeyword || t.kind === ts.SyntaxKind.UndefinedKeyword)) {
      return type.types.some((t) => t.kind === ts.SyntaxKind.NullKeyword) ? ['null'] : ['undefined'];
    }
    return defaultFor[guessTypeNode(type)];
  }
  const returned = ownReturns(fn).flatMap((r) => (r.expression ? [guessExpressionType(r.expression)] : []));
  if (returned.length === 0) return [''];
  const known = [...new Set(returned.filter((t) => t !== 'unknown'))];
  return [...new Set([...known.flatMap((t) => defaultFor[t]), 'null', 'undefined'])].slice(0, 4);
}

function unwrapPromise(type: ts.TypeNode): ts.TypeNode {
  if (ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Promise' && type.typeArguments?.[0]) return type.typeArguments[0];
  return type;
}

/** `return x;`, or `return;` for the empty default. */
export function returnStatement(value: string): string {
  return value === '' ? 'return;' : `return ${value};`;
}
