import ts from 'typescript';
import type { FunctionWithBody } from '../localize/statement-kinds.js';
import type { Mutator } from '../mutators/mutator.js';
import { guessDeclarationType } from '../mutators/scope.js';
import { defaultReturns } from './default-values.js';
import { functionName } from './enclosing-function.js';
import { insertBefore } from './insert-before.js';

/** Whether `fn`'s body calls `fn` by name (direct recursion). */
function isRecursive(fn: FunctionWithBody, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** How a parameter is used: counted down (`n - 1`), or shrunk as a list (`xs.slice(1)`, `xs.length`). */
function parameterRole(fn: FunctionWithBody, parameter: ts.ParameterDeclaration): 'number' | 'sequence' | undefined {
  if (!ts.isIdentifier(parameter.name)) return undefined;
  const name = parameter.name.text;
  const declared = guessDeclarationType(parameter);
  if (declared === 'number') return 'number';
  if (declared === 'array' || declared === 'string') return 'sequence';
  let role: 'number' | 'sequence' | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && node.left.text === name && ts.isNumericLiteral(node.right)) role ??= 'number';
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === name &&
      ['length', 'slice', 'substring'].includes(node.name.text)
    )
      role ??= 'sequence';
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return role;
}

/**
 * A missing base case of a recursive function, put first in its body: `if (n <= 0) return 0;`,
 * `if (n <= 1) return n;`, `if (xs.length === 0) return [];` and similar.
 */
export const baseCase: Mutator = {
  name: 'base-case',
  kind: 'template',
  prior: 0.15,
  *generate(node) {
    const block = node.parent;
    if (!block || !ts.isBlock(block) || block.statements[0] !== node || !ts.isStatement(node)) return;
    const fn = block.parent as FunctionWithBody;
    const name = ts.isFunctionLike(fn) ? functionName(fn) : undefined;
    if (!name || fn.body !== block || !isRecursive(fn, name)) return;
    const defaults = defaultReturns(fn).filter((d) => d !== '');
    for (const parameter of fn.parameters) {
      const role = parameterRole(fn, parameter);
      if (!role || !ts.isIdentifier(parameter.name)) continue;
      const p = parameter.name.text;
      const cases =
        role === 'number'
          ? [`${p} <= 0`, `${p} <= 1`, `${p} === 0`].flatMap((c) => [...new Set(['0', '1', p, ...defaults])].map((r) => [c, r] as const))
          : [...new Set([...defaults, p])].map((r) => [`${p}.length === 0`, r] as const);
      for (const [condition, value] of cases)
        yield insertBefore(node, `if (${condition}) return ${value};`, `base case \`if (${condition}) return ${value};\``);
    }
  },
};
