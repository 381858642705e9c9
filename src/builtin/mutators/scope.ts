import ts from 'typescript';
import { isFunctionWithBody } from '../localize/statement-kinds.js';

/** A coarse type guess, enough to keep variable replacement and default values sensible without a checker. */
export type TypeGuess = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'function' | 'unknown';

/** A binding visible at some node. */
export interface ScopeVariable {
  readonly name: string;
  readonly type: TypeGuess;
  readonly kind: 'parameter' | 'local' | 'function' | 'module';
  readonly declaration: ts.Node;
}

/**
 * Bindings visible at `node`, innermost scope first, shadowed names dropped. `let`/`const` declared after
 * `node` are left out (they would be in their temporal dead zone); imports are left out (rarely the fix).
 */
export function variablesAt(node: ts.Node): ScopeVariable[] {
  const found = new Map<string, ScopeVariable>();
  const add = (name: ts.BindingName, type: TypeGuess, kind: ScopeVariable['kind'], declaration: ts.Node): void => {
    for (const id of bindingIdentifiers(name))
      if (!found.has(id.text)) found.set(id.text, { name: id.text, type: id === name ? type : 'unknown', kind, declaration });
  };
  let child: ts.Node = node;
  for (let scope = node.parent; scope !== undefined; child = scope, scope = scope.parent) {
    if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      for (const statement of scope.statements) {
        if (ts.isVariableStatement(statement)) {
          const hoisted = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0;
          if (!hoisted && statement.getStart() >= node.getStart()) continue;
          // A variable is in its dead zone inside its own initializer (`const x = x + 1`).
          for (const d of statement.declarationList.declarations)
            if (!contains(d, node)) add(d.name, guessDeclarationType(d), ts.isSourceFile(scope) ? 'module' : 'local', d);
        } else if (ts.isFunctionDeclaration(statement) && statement.name) {
          add(statement.name, 'function', 'function', statement);
        }
      }
    } else if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && child !== scope.initializer) {
      const init = scope.initializer;
      if (init && ts.isVariableDeclarationList(init)) {
        for (const d of init.declarations)
          add(d.name, ts.isForStatement(scope) ? guessDeclarationType(d) : ts.isForInStatement(scope) ? 'string' : 'unknown', 'local', d);
      }
    } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
      add(scope.variableDeclaration.name, 'unknown', 'local', scope.variableDeclaration);
    } else if (isFunctionWithBody(scope) && child === scope.body) {
      for (const p of scope.parameters) add(p.name, guessDeclarationType(p), 'parameter', p);
    }
  }
  return [...found.values()];
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return outer.pos <= inner.pos && inner.end <= outer.end;
}

function bindingIdentifiers(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((e) => (ts.isBindingElement(e) ? bindingIdentifiers(e.name) : []));
}

/** Type guess for a variable or parameter: its annotation, else its initializer. */
export function guessDeclarationType(declaration: ts.VariableDeclaration | ts.ParameterDeclaration): TypeGuess {
  if (declaration.type) return guessTypeNode(declaration.type);
  if (ts.isParameter(declaration) && declaration.dotDotDotToken) return 'array';
  return declaration.initializer ? guessExpressionType(declaration.initializer) : 'unknown';
}

/** Type guess for a type annotation. */
export function guessTypeNode(type: ts.TypeNode): TypeGuess {
  switch (type.kind) {
    case ts.SyntaxKind.NumberKeyword:
    case ts.SyntaxKind.BigIntKeyword:
      return 'number';
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.ArrayType:
    case ts.SyntaxKind.TupleType:
      return 'array';
    case ts.SyntaxKind.FunctionType:
      return 'function';
    case ts.SyntaxKind.TypeLiteral:
      return 'object';
    case ts.SyntaxKind.LiteralType: {
      const literal = (type as ts.LiteralTypeNode).literal;
      return ts.isNumericLiteral(literal)
        ? 'number'
        : ts.isStringLiteral(literal)
          ? 'string'
          : literal.kind === ts.SyntaxKind.TrueKeyword || literal.kind === ts.SyntaxKind.FalseKeyword
            ? 'boolean'
            : 'unknown';
    }
    case ts.SyntaxKind.TypeReference: {
      const name = (type as ts.TypeReferenceNode).typeName.getText();
      return name === 'Array' || name === 'ReadonlyArray' ? 'array' : 'unknown';
    }
    case ts.SyntaxKind.TypeOperator:
      return guessTypeNode((type as ts.TypeOperatorNode).type);
    case ts.SyntaxKind.ParenthesizedType:
      return guessTypeNode((type as ts.ParenthesizedTypeNode).type);
    default:
      return 'unknown';
  }
}

const numericOperators = new Set([
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
]);
const booleanOperators = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.InKeyword,
]);
const numericMethods = new Set([
  'indexOf',
  'lastIndexOf',
  'findIndex',
  'findLastIndex',
  'charCodeAt',
  'max',
  'min',
  'abs',
  'floor',
  'ceil',
  'round',
  'trunc',
  'sqrt',
  'pow',
  'parseInt',
  'parseFloat',
  'Number',
]);
const stringMethods = new Set([
  'slice',
  'substring',
  'toUpperCase',
  'toLowerCase',
  'trim',
  'trimStart',
  'trimEnd',
  'join',
  'repeat',
  'padStart',
  'padEnd',
  'charAt',
  'toString',
  'replace',
  'replaceAll',
  'String',
  'toFixed',
]);
const booleanMethods = new Set(['includes', 'startsWith', 'endsWith', 'some', 'every', 'has', 'test', 'isArray', 'isInteger', 'isNaN', 'Boolean']);
const arrayMethods = new Set([
  'map',
  'filter',
  'concat',
  'split',
  'reverse',
  'sort',
  'flat',
  'flatMap',
  'from',
  'keys',
  'values',
  'entries',
  'toSorted',
  'toReversed',
]);

/** Type guess for an expression without a checker; `lookup` resolves identifiers (default: unknown). */
export function guessExpressionType(expression: ts.Expression, lookup: (name: string) => TypeGuess = () => 'unknown'): TypeGuess {
  const e = skipOuter(expression);
  if (ts.isNumericLiteral(e) || ts.isBigIntLiteral(e)) return 'number';
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) return 'string';
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return 'boolean';
  if (ts.isArrayLiteralExpression(e)) return 'array';
  if (ts.isObjectLiteralExpression(e)) return 'object';
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return 'function';
  if (ts.isIdentifier(e)) return lookup(e.text);
  if (ts.isPrefixUnaryExpression(e)) return e.operator === ts.SyntaxKind.ExclamationToken ? 'boolean' : 'number';
  if (ts.isPostfixUnaryExpression(e)) return 'number';
  if (ts.isTypeOfExpression(e)) return 'string';
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'length') return 'number';
  if (ts.isConditionalExpression(e)) {
    // `rows === 0 ? 0 : matrix[0].length`: both branches agree, or nothing is known.
    const whenTrue = guessExpressionType(e.whenTrue, lookup);
    return whenTrue === guessExpressionType(e.whenFalse, lookup) ? whenTrue : 'unknown';
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (numericOperators.has(op)) return 'number';
    if (booleanOperators.has(op)) return 'boolean';
    if (op === ts.SyntaxKind.PlusToken) {
      const [l, r] = [guessExpressionType(e.left, lookup), guessExpressionType(e.right, lookup)];
      return l === 'string' || r === 'string' ? 'string' : l === 'number' && r === 'number' ? 'number' : 'unknown';
    }
  }
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (numericMethods.has(name)) return 'number';
    if (stringMethods.has(name)) return ts.isPropertyAccessExpression(callee) && name === 'slice' ? guessExpressionType(callee.expression, lookup) : 'string';
    if (booleanMethods.has(name)) return 'boolean';
    if (arrayMethods.has(name)) return 'array';
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Array') return 'array';
  return 'unknown';
}

/** `guessExpressionType` resolving identifiers through the bindings visible at the expression. */
export function guessTypeAt(expression: ts.Expression): TypeGuess {
  const visible = new Map(variablesAt(expression).map((v) => [v.name, v.type]));
  return guessExpressionType(expression, (name) => visible.get(name) ?? 'unknown');
}

/** Parentheses and type assertions say nothing about the runtime type. */
function skipOuter(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e))
    e = e.expression;
  return e;
}
