import ts from 'typescript';
import type { MutantChange } from './mutator.js';

/**
 * Whether an expression node can be replaced by `(cond ? a : b)` without changing what the code means:
 * not an assignment target, not a `++`/`delete` operand, not a method callee (that would drop `this`), not a
 * name (declaration, property, label), not inside a type, not a link of an optional chain.
 */
export function isSwitchable(node: ts.Node): node is ts.Expression {
  if (!ts.isExpression(node) || node.kind === ts.SyntaxKind.SuperKeyword || ts.isSpreadElement(node) || ts.isOmittedExpression(node)) return false;
  const parent = node.parent;
  if (!parent || isNameOf(parent, node)) return false;
  if (ts.isBinaryExpression(parent) && parent.left === node && isAssignment(parent.operatorToken.kind)) return false;
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isIncrement(parent.operator)) return false;
  if (ts.isDeleteExpression(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isDecorator(parent)) return false;
  if ((ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.initializer === node) return false;
  const callee = ts.isCallExpression(parent) || ts.isNewExpression(parent) ? parent.expression : ts.isTaggedTemplateExpression(parent) ? parent.tag : undefined;
  if (callee === node && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))) return false;
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
    parent.expression === node &&
    (parent.flags & ts.NodeFlags.OptionalChain) !== 0 &&
    !parent.questionDotToken
  )
    return false;
  if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) {
    if (ts.isBinaryExpression(parent) && parent.left === node) return false;
  }
  if (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent) || ts.isJsxAttribute(parent)) return false;
  for (let a: ts.Node | undefined = parent; a && !ts.isStatement(a); a = a.parent) if (ts.isTypeNode(a) && !ts.isExpressionWithTypeArguments(a)) return false;
  return true;
}

/** `(tag as {name})` and friends: `node` sits in the name slot of its parent (declarations, properties, labels). */
function isNameOf(parent: ts.Node, node: ts.Node): boolean {
  const slots = parent as { name?: ts.Node; label?: ts.Node; propertyName?: ts.Node; tagName?: ts.Node };
  return slots.name === node || slots.label === node || slots.propertyName === node || slots.tagName === node || ts.isQualifiedName(parent);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

/** Declarations whose names code after them uses: wrapping them in `if/else` would hide the names. */
export function isDeclarationStatement(node: ts.Node): boolean {
  return (
    ts.isVariableStatement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isExportDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node)
  );
}

/**
 * Replaces `[innerStart, innerEnd)` (inside `node`) by `innerText`, expressed as a change to the smallest
 * switchable expression around it, else to the enclosing statement; undefined when that statement is a
 * declaration (an if/else around `const x` would hide `x`).
 */
export function changeWithin(node: ts.Node, innerStart: number, innerEnd: number, innerText: string, description: string): MutantChange | undefined {
  const sourceFile = node.getSourceFile();
  let target: ts.Node | undefined = node;
  while (target && !isSwitchable(target) && !ts.isStatement(target)) target = target.parent;
  if (!target || ts.isSourceFile(target) || (ts.isStatement(target) && isDeclarationStatement(target))) return undefined;
  const start = target.getStart(sourceFile);
  const original = sourceFile.text.slice(start, target.end);
  const text = original.slice(0, innerStart - start) + innerText + original.slice(innerEnd - start);
  return { start, end: target.end, text, node: ts.isStatement(target) ? 'statement' : 'expression', description };
}

/** Replaces the whole of `node` by `text` (lifted like `changeWithin`). */
export function replaceNode(node: ts.Node, text: string, description: string): MutantChange | undefined {
  return changeWithin(node, node.getStart(node.getSourceFile()), node.end, text, description);
}

/**
 * Whether `node`'s slot isolates it (an argument, an initializer, an index…), so a replacement text with
 * lower precedence (`x + 1`) needs no parentheses there.
 */
export function isIsolatedSlot(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isParenthesizedExpression(parent) ||
    ts.isExpressionStatement(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isTemplateSpan(parent) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) ||
    ts.isArrayLiteralExpression(parent) ||
    (ts.isBinaryExpression(parent) && bindsLooserThanAdditive(parent.operatorToken.kind))
  );
}

const looserThanAdditive = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

/** Comparisons, logical operators and assignments bind looser than `+`/`-`: `i < n - 1` needs no parentheses. */
function bindsLooserThanAdditive(kind: ts.SyntaxKind): boolean {
  return isAssignment(kind) || looserThanAdditive.has(kind);
}

/** `text` wrapped in parentheses unless `node`'s slot isolates it. */
export function inSlot(node: ts.Node, text: string): string {
  return isIsolatedSlot(node) ? text : `(${text})`;
}
