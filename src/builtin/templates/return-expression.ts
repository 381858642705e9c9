import ts from 'typescript';
import type { Mutator } from '../mutators/mutator.js';
import { guessTypeAt } from '../mutators/scope.js';
import { replaceNode } from '../mutators/switchable.js';

/** `return e;` → `return v;` for each visible variable `v` of a compatible type (the wrong value returned). */
export const returnExpression: Mutator = {
  name: 'return-expression',
  kind: 'template',
  prior: 0.15,
  *generate(node, context) {
    if (!ts.isReturnStatement(node) || !node.expression) return;
    const expression = node.expression;
    const type = guessTypeAt(expression);
    for (const variable of context.variablesAt(node)) {
      if (variable.kind === 'function' || variable.name === expression.getText()) continue;
      if (type !== 'unknown' && variable.type !== 'unknown' && variable.type !== type) continue;
      const change = replaceNode(expression, variable.name, `\`return ${variable.name};\` instead of \`return ${expression.getText()};\``);
      if (change) yield change;
    }
  },
};
